from flask import Flask
from flask_sqlalchemy import SQLAlchemy
app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = 'sqlite://'
db = SQLAlchemy(app)
tags = db.Table('post_tags', db.Column('post_id', db.ForeignKey('post.id'), primary_key=True),
                db.Column('tag_id', db.ForeignKey('tag.id'), primary_key=True))
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(50))
    tags = db.relationship('Tag', secondary=tags, backref=db.backref('posts', lazy='dynamic'))
class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
with app.app_context():
    db.create_all()
    p = Post(title='a'); t1 = Tag(name='x'); t2 = Tag(name='y')
    p.tags = [t1, t2]
    db.session.add(p); db.session.commit()
    p.tags.remove(t1)
    print(sorted(repr(o) for o in db.session.dirty))
    db.session.commit()
    print(t1.posts.count(), t2.posts.count())
    t2.posts.remove(p) if False else None
    p2 = Post(title='b', tags=[t1])
    db.session.add(p2)
    print(len(db.session.new), sorted(repr(o) for o in db.session.dirty))
    db.session.flush()
    print([p.title for p in t1.posts.order_by(Post.title)])
    p2.tags.clear()
    print(sorted(repr(o) for o in db.session.dirty))
    db.session.commit()
    print(t1.posts.all())
