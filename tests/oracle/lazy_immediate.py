class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    books = db.relationship('Book', lazy='immediate', backref=db.backref('author', lazy='immediate'))


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))


db.create_all()
a = Author(name='x', books=[Book(title='t1'), Book(title='t2')])
b = Author(name='y')
db.session.add_all([a, b])
db.session.commit()
db.session.expunge_all()
print('--')
authors = Author.query.all()
print('loaded')
print([len(x.books) for x in authors])
db.session.expunge_all()
bk = Book.query.first()
print(bk.author.name)
print('-- refresh')
a2 = Author.query.filter_by(name='x').one()
a2.name = 'xx'
db.session.commit()
print(a2.name)
print(len(a2.books))
db.session.expunge_all()
print('-- option')
from sqlalchemy.orm import immediateload


class Shelf(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    items = db.relationship('Item', backref='shelf')


class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    shelf_id = db.Column(db.Integer, db.ForeignKey('shelf.id'))


db.create_all()
db.session.add_all([Shelf(items=[Item(), Item()]), Shelf(items=[Item()])])
db.session.commit()
db.session.expunge_all()
shelves = Shelf.query.options(immediateload(Shelf.items)).order_by(Shelf.id).all()
print('loaded', [len(s.items) for s in shelves])
db.session.expunge_all()
s = db.session.execute(select(Shelf).options(db.immediateload(Shelf.items)).where(Shelf.id == 2)).scalar_one()
print(len(s.items))
print(Author.books.property.lazy)
