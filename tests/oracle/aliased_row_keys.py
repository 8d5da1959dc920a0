from sqlalchemy.orm import aliased


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    sequel_id = db.Column(db.Integer, db.ForeignKey('book.id'))


db.create_all()
db.session.add_all([Book(title='one'), Book(title='two', sequel_id=1)])
db.session.commit()
Prev = aliased(Book, name='prev')
Anon = aliased(Book)
row = db.session.execute(select(Book, Prev).join(Prev, Prev.id == Book.sequel_id)).one()
print(row._fields, row.prev.title, row.Book.title)
print(db.session.execute(select(Prev.title, Book.title).join(Book, Book.sequel_id == Prev.id)).one()._fields)
