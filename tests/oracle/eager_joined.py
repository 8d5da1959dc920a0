# Joined eager loading: joinedload() options and lazy='joined', the SQL str(query) shows,
# LIMIT wrapping, de-duplicated collections, and 2.0 results that need unique().
from sqlalchemy.orm import joinedload

post_tags = db.Table(
    'post_tags',
    db.Column('post_id', db.Integer, db.ForeignKey('post.id'), primary_key=True),
    db.Column('tag_id', db.Integer, db.ForeignKey('tag.id'), primary_key=True),
)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    posts = db.relationship('Post', backref='author', order_by='Post.title')

    def __repr__(self):
        return f'<User {self.name}>'


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(50))
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
    tags = db.relationship('Tag', secondary=post_tags, lazy='joined')

    def __repr__(self):
        return f'<Post {self.title}>'


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))

    def __repr__(self):
        return f'<Tag {self.name}>'


db.create_all()
db.session.add_all([User(name='ann'), User(name='bob'), User(name='cy')])
db.session.commit()
db.session.add_all([Tag(name='x'), Tag(name='y')])
db.session.commit()
db.session.add_all([Post(title='p2', user_id=1), Post(title='p1', user_id=1), Post(title='p3', user_id=2)])
db.session.commit()
db.session.execute(text('INSERT INTO post_tags VALUES (1, 1), (1, 2), (2, 2)'))
db.session.commit()
db.session.close()

q = User.query.options(joinedload(User.posts)).order_by(User.name)
print(q)
users = q.all()
print(users, [u.posts for u in users])
print([[p.tags for p in u.posts] for u in users])
print(q.limit(2))
print(q.first(), q.count())
db.session.close()
print(User.query.options(db.joinedload(User.posts).joinedload(Post.tags)).filter(User.id == 1))
print(Post.query.options(joinedload(Post.author)).order_by(Post.id).limit(2).all())
print(User.query.join(User.posts).order_by(User.id).all())
print(User.query.options(joinedload(User.posts)).filter_by(name='ann').one().posts)
db.session.close()
print(db.session.get(Post, 1).tags)
stmt = select(User).options(joinedload(User.posts)).where(User.id < 3).order_by(User.id)
print(stmt)
print(stmt.limit(1))
try:
    db.session.scalars(stmt).all()
except Exception as e:
    print(type(e).__name__, e)
print(db.session.execute(stmt).first())
print(db.session.scalars(stmt).unique().all())
print(db.session.execute(stmt.where(User.id == 1)).unique().scalar_one().posts)
print(type(joinedload(User.posts)).__name__, str(joinedload(User.posts).joinedload(Post.tags)))
