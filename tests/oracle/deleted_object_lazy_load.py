# Deleting a child does not remove it from an already-loaded parent collection until expiry.
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    posts = db.relationship('Post', backref='author', order_by='Post.id')


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))

    def __repr__(self):
        return f'<Post {self.title}>'


db.create_all()
u = User(name='ann', posts=[Post(title='a'), Post(title='b'), Post(title='c')])
db.session.add(u)
db.session.commit()
print(len(u.posts))
a = u.posts[0]
db.session.delete(a)
print(a in u.posts, len(u.posts), a in db.session.deleted)
db.session.flush()
print(a in u.posts, len(u.posts), Post.query.count(), db.inspect(a).deleted)
print(a.title, a.author)
db.session.commit()
print(len(u.posts), u.posts, db.inspect(a).detached)
b = Post.query.filter_by(title='b').one()
db.session.delete(b)
db.session.rollback()
print(u.posts, b in db.session.deleted)
Post.query.filter_by(title='c').delete()
print(u.posts)
db.session.commit()
print(u.posts, Post.query.count())
c = Post(title='d', author=u)
db.session.add(c)
try:
    db.session.delete(c)
except Exception as e:
    print(type(e).__name__, c in db.session)
