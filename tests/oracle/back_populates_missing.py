class Shelf(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    books = db.relationship('Book', back_populates='shelf')


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    shelf_id = db.Column(db.Integer, db.ForeignKey('shelf.id'))


db.create_all()
try:
    print(Shelf.query.all())
except Exception as e:
    print(type(e).__name__, e)
print(Book.query.all())
