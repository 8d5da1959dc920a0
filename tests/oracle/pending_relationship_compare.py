# Comparing a relationship to an object not yet flushed binds its key as the query
# runs, after the query's autoflush gave it one: filter_by(rel=obj), ==, !=,
# contains(), with_parent() (legacy and 2.0).
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    posts = db.relationship('Post', backref='author', lazy='dynamic')


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))


db.create_all()
u = User(name='ann')
p = Post(title='a', author=u)
db.session.add(p)
print(Post.query.filter_by(author=u).count())
u2 = User(name='bob')
db.session.add(u2)
print(Post.query.filter(Post.author != u2).count())
p2 = Post(title='b', author=u2)
db.session.add(p2)
print(User.query.filter(User.posts.contains(p2)).count())
u3 = User(name='cy')
db.session.add(u3)
print(Post.query.with_parent(u3).count())
print(db.session.scalars(db.select(Post).where(db.with_parent(u3, User.posts))).all())
p3 = Post(title='c')
u.posts.append(p3)
print([x.title for x in db.session.scalars(
    db.select(Post).where(Post.author == u).order_by(Post.title))])
