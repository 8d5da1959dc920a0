from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from datetime import datetime

app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = 'sqlite:///blog.db'
app.config['SQLALCHEMY_TRACK_MODIFICATIONS'] = False
db = SQLAlchemy(app)

post_tags = db.Table('post_tags',
    db.Column('post_id', db.Integer, db.ForeignKey('post.id'), primary_key=True),
    db.Column('tag_id', db.Integer, db.ForeignKey('tag.id'), primary_key=True))

class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(100), nullable=False)
    published = db.Column(db.Boolean, default=False, nullable=False)
    created = db.Column(db.DateTime, nullable=False, default=lambda: datetime(2024, 1, 1))
    tags = db.relationship('Tag', secondary=post_tags, lazy='subquery',
                           backref=db.backref('posts', lazy=True))
    comments = db.relationship('Comment', backref='post', lazy='dynamic', cascade='all, delete-orphan')

    def __repr__(self):
        return '<Post %r>' % self.title

class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30), unique=True)

    def __repr__(self):
        return '<Tag %r>' % self.name

class Comment(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    body = db.Column(db.Text)
    post_id = db.Column(db.Integer, db.ForeignKey('post.id'))

with app.app_context():
    db.create_all()
    py, fl, web = Tag(name='python'), Tag(name='flask'), Tag(name='web')
    p1 = Post(title='Hello Flask', tags=[py, fl], published=True)
    p2 = Post(title='SQLAlchemy tips', tags=[py])
    p3 = Post(title='Untagged')
    db.session.add_all([p1, p2, p3, web])
    p1.comments.append(Comment(body='Nice'))
    p1.comments.append(Comment(body='Thanks'))
    db.session.commit()
    print(Post.query.filter(Post.tags.any(name='python')).order_by(Post.id).all())
    print(Post.query.filter(~Post.tags.any()).all())
    print(Tag.query.filter(Tag.posts.any(Post.published == True)).all())
    print([(t.name, len(t.posts)) for t in Tag.query.order_by(Tag.name)])
    print(db.session.query(Tag.name, func.count(post_tags.c.post_id)).outerjoin(post_tags).group_by(Tag.id).order_by(Tag.name).all())
    print(db.session.query(Post.title).join(Post.tags).filter(Tag.name == 'flask').all())
    p1.tags.remove(fl)
    p2.tags.append(web)
    db.session.commit()
    print(p1.tags, p2.tags, fl.posts)
    print(p1.comments.count(), p1.comments.order_by(Comment.id.desc()).first().body)
    db.session.delete(p1)
    db.session.commit()
    print(Comment.query.count(), db.session.execute(db.select(func.count()).select_from(post_tags)).scalar())
    print(Post.query.filter_by(published=False).count(), Post.query.get(2).created)
    print(db.session.query(post_tags).all())
    rows = db.session.execute(db.select(Post.title, Tag.name).join(Post.tags).order_by(Post.title, Tag.name)).all()
    for r in rows:
        print(f'{r.title:<20}{r.name}')
    print(db.session.execute(post_tags.select()).fetchall())
    db.session.execute(post_tags.insert().values(post_id=3, tag_id=1))
    db.session.commit()
    print(sorted(t.name for t in Post.query.get(3).tags))
