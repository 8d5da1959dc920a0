from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
app.config["SQLALCHEMY_ECHO"] = False
db = SQLAlchemy(app, session_options={"expire_on_commit": False})


class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50))
    books = db.relationship("Book", backref="author")


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(50))
    author_id = db.Column(db.Integer, db.ForeignKey("author.id"))


with app.app_context():
    db.create_all()
    a = Author(name="Ann")
    b = Book(title="One", author=a)
    c = Book(title="Two", author=a)
    db.session.add_all([a, b, c])
    db.session.commit()

    b.author = None
    print("before flush:", b.author_id, b.author)
    print("history:", db.inspect(b).attrs.author_id.history)
    print("rel history:", db.inspect(b).attrs.author.history)
    print("dirty:", b in db.session.dirty)
    db.session.flush()
    print("after flush:", b.author_id)
    print("history after:", db.inspect(b).attrs.author_id.history)
    print([x.title for x in a.books])

    d = Book(title="Three", author=a)
    db.session.add(d)
    db.session.commit()
    d.author = None
    d.author = a
    print("back before:", d.author_id)
    db.session.commit()
    print("back:", d.author_id)

    e = Book(title="Four", author=a)
    db.session.add(e)
    db.session.commit()
    e.author = None
    e.author_id = a.id
    db.session.commit()
    print("by hand:", e.author_id)

    f = Book(title="Five", author=a)
    db.session.add(f)
    db.session.commit()
    f.author = None
    print("f before rollback:", f.author_id)
    db.session.rollback()
    print("f after rollback:", f.author_id, f.author.name)
    db.session.commit()
    print("f after commit:", f.author_id)

    g = Book(title="Six")
    g.author = a
    g.author = None
    db.session.add(g)
    print("g pending:", g.author_id)
    db.session.commit()
    print("g:", g.author_id)
