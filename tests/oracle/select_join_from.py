class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))


db.create_all()
db.session.add_all([Author(name='ann'), Author(name='bo'), Book(title='x', author_id=1), Book(title='y', author_id=1)])
db.session.commit()
s = select(Book.title, Author.name).join_from(Author, Book).order_by(Book.id)
print(s)
print(db.session.execute(s).all())
s = select(Author.name, func.count(Book.id)).join_from(Author, Book, isouter=True).group_by(Author.id).order_by(Author.id)
print(db.session.execute(s).all())
s = select(Author.name, Book.title).join_from(Author, Book, Author.id == Book.author_id).where(Book.title == 'y')
print(s)
print(db.session.execute(s).all())
print(db.session.execute(select(Book.id).join_from(Book, Author).where(Author.name == 'ann').order_by(Book.id)).scalars().all())
try:
    db.session.query(Book).join_from(Book, Author)
except AttributeError as e:
    print('AttributeError', e)
