class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    books = db.relationship('Book', backref='author')
class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))
class Zebra(db.Model):
    id = db.Column(db.Integer, primary_key=True)
class Aardvark(db.Model):
    id = db.Column(db.Integer, primary_key=True)
db.create_all()
a = Author(books=[Book()])
db.session.add_all([a, Zebra(), Aardvark()])
db.session.commit()
b = db.session.get(Book, 1)
print(b.author.id)
z = db.session.get(Zebra, 1)
aa = db.session.get(Aardvark, 1)
db.session.delete(b)
db.session.delete(z)
db.session.delete(aa)
db.session.commit()
print(Book.query.count())
