from sqlalchemy import inspect
class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    books = db.relationship('Book', backref='author')
    awards = db.relationship('Award', back_populates='winner', lazy='dynamic')
class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))
class Award(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    winner_id = db.Column(db.Integer, db.ForeignKey('author.id'))
    winner = db.relationship('Author', back_populates='awards')
db.create_all()
for m in (Author, Book, Award):
    rels = inspect(m).relationships
    print(m.__name__, rels.keys(), len(rels), 'author' in rels)
    for r in rels:
        print(' ', r.key, r.direction.name, r.uselist, r.mapper.class_.__name__)
print(inspect(Author).relationships['books'].direction, inspect(Book).relationships.author.key)
print([k for k, v in inspect(Author).relationships.items()])
print(type(inspect(Author).relationships).__name__)
