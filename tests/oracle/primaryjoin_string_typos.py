# primaryjoin strings with a misspelt class or column.
class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    books = db.relationship('Book', primaryjoin='Author.id == Book.writer_id', order_by='desc(Book.id)')
    reviews = db.relationship('Review', primaryjoin='Author.id == Reveiw.author_id', viewonly=True)


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))


class Review(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))


db.create_all()
for attempt in range(2):
    try:
        print(Author.query.all())
    except Exception as e:
        print(type(e).__name__, e)
