# Relationships attached to mapped classes after their bodies
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(40))
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


post_tags = db.Table('post_tags',
                     db.Column('post_id', db.Integer, db.ForeignKey('post.id')),
                     db.Column('tag_id', db.Integer, db.ForeignKey('tag.id')))
User.posts = db.relationship('Post', backref='author', order_by='Post.title')
Post.tags = db.relationship(Tag, secondary=post_tags, back_populates='posts')
Tag.posts = db.relationship(Post, secondary=post_tags, back_populates='tags')
print(User.posts, type(User.__mapper__.relationships['posts']).__name__)
db.create_all()
py = Tag(name='py')
u = User(name='ann', posts=[Post(title='b', tags=[py]), Post(title='a')])
db.session.add(u)
db.session.commit()
db.session.expunge_all()
u = db.session.get(User, 1)
print([p.title for p in u.posts], u.posts[0].author.name)
print([t.name for t in u.posts[1].tags], [p.title for p in db.session.get(Tag, 1).posts])
print(db.session.query(User.name, Post.title).join(User.posts).order_by(Post.id).all())
print(User.query.filter(User.posts.any(Post.title == 'a')).count())
print(sorted(User.__mapper__.relationships.keys()))
