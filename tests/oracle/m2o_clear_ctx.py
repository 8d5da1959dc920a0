from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db = SQLAlchemy(app, session_options={"expire_on_commit": False})


class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50))


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(50))
    author_id = db.Column(db.Integer, db.ForeignKey("author.id"))
    author = db.relationship("Author")


with app.app_context():
    db.create_all()
    a = Author(name="Ann")
    db.session.add(a)
    db.session.add_all([Book(title=t, author=a) for t in ["One", "Two", "Three"]])
    db.session.commit()

    # an inner app context between the assignment and the commit
    b = db.session.get(Book, 1)
    b.author = None
    with app.app_context():
        print("inner:", db.session.get(Book, 2).author_id)
    db.session.commit()
    print("after inner context:", b.author_id)

    # a transient object's reference set to None, and an unrelated flush
    t = Book(title="Loose", author=a)
    t.author = None
    db.session.flush()
    print("transient:", t.author_id)

    # a pending object rolled back, then added again
    p = Book(title="Again", author_id=a.id)
    db.session.add(p)
    p.author = None
    db.session.rollback()
    db.session.add(p)
    db.session.commit()
    print("re-added:", p.author_id)

    rows = db.session.execute(db.text("SELECT title, author_id FROM book ORDER BY id")).all()
    print(rows)
