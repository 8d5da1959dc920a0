# Exists constructs: select(...).exists() and exists().where(...), their type, .select()
# of them, negation and use in WHERE.
class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))


class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


db.create_all()
e = db.select(Book).exists()
print(type(e).__name__, type(db.exists().where(Book.id == 1)).__name__, db.session.scalar(e.select()))
db.session.add_all([Author(name='A'), Author(name='B'), Book(title='x', author_id=1)])
db.session.commit()
print(db.session.scalar(e.select()), db.session.scalar(db.exists().where(Book.title == 'y').select()))
print(db.session.scalar(db.select(Book.id).where(Book.title == 'x').exists().select()))
has_books = db.exists().where(Book.author_id == Author.id)
print(db.session.scalars(db.select(Author.name).where(has_books)).all(), db.session.scalars(db.select(Author.name).where(~has_books)).all())
print(e.select())
