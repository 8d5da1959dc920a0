class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))
class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    books = db.relationship('Book', backref='author')
class Zebra(db.Model):
    id = db.Column(db.Integer, primary_key=True)
db.create_all()
db.session.add_all([Book(), Zebra()])
db.session.commit()
b = db.session.get(Book, 1)
z = db.session.get(Zebra, 1)
db.session.delete(b)
db.session.delete(z)
db.session.commit()
