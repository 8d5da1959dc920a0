from flask import Flask
from flask_sqlalchemy import SQLAlchemy
app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = 'sqlite://'
db = SQLAlchemy(app)
class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    books = db.relationship('Book', backref='author')
class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.ForeignKey('author.id'))
with app.app_context():
    db.create_all()
    a1 = Author(); a2 = Author(); b = Book(author=a1)
    db.session.add_all([a1, a2, b]); db.session.commit()
    print(b.author)
    b.author = a2
    print(sorted(repr(o) for o in db.session.dirty))
    db.session.commit()
    b.author = None
    print(sorted(repr(o) for o in db.session.dirty))
    db.session.commit()
    b.author = a1
    print(sorted(repr(o) for o in db.session.dirty))
    db.session.commit()
    db.session.expire_all()
    b.author = a2
    print(sorted(repr(o) for o in db.session.dirty))
    db.session.commit()
    print(sorted(b.__dict__))
    b.author = None
    print(sorted(repr(o) for o in db.session.dirty), db.inspect(b).expired)
    db.session.commit()
    print(b.author_id, [x.id for x in a2.books])
