# A misspelt column in a relationship's order_by string: raised when the models are first used.
class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    books = db.relationship('Book', backref='author', order_by='Book.titel')


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(100))
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))


db.create_all()
print('tables', sorted(db.metadata.tables))
for attempt in range(2):
    try:
        a = Author()
        print('made')
    except Exception as e:
        print(type(e).__name__, e)
