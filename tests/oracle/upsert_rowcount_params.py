from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.dialects.sqlite import insert

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db = SQLAlchemy(app)

tags = db.Table("tags", db.Column("post_id", db.ForeignKey("post.id"), primary_key=True),
                db.Column("tag_id", db.ForeignKey("tag.id"), primary_key=True))

class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(50), unique=True)
    views = db.Column(db.Integer, default=0)
    tags = db.relationship("Tag", secondary=tags)

class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))

with app.app_context():
    db.create_all()
    r = db.session.execute(insert(Post).values(title="a", views=1))
    print(r.rowcount)
    r = db.session.execute(insert(Post).values(title="a", views=1).on_conflict_do_nothing())
    print(r.rowcount)
    stmt = insert(Post).values(title="a", views=5)
    stmt = stmt.on_conflict_do_update(index_elements=[Post.title], set_={"views": stmt.excluded.views + 1})
    r = db.session.execute(stmt)
    print(r.rowcount)
    c = stmt.compile()
    print(c.params)
    stmt2 = insert(Post).values(title="b").on_conflict_do_update(index_elements=["title"], set_=dict(views=7))
    print(stmt2.compile().params)

    r = db.session.execute(insert(Post).on_conflict_do_nothing(), [{"title": "a"}, {"title": "c"}, {"title": "d"}])
    print(type(r).__name__)
    print(db.session.execute(db.select(Post.title, Post.views).order_by(Post.id)).all())
    t = Tag(name="x")
    try:
        print(bool(~Post.tags.contains(t)))
    except TypeError as e:
        print("TypeError", e)
    try:
        print(bool(Post.tags.contains(t)))
    except TypeError as e:
        print("TypeError", e)
