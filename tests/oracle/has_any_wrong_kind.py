class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    posts = db.relationship('Post', backref='user')


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))


db.create_all()
u = User()
p = Post(user=u)
db.session.add(u)
db.session.commit()
try:
    print(User.query.filter(User.posts.has()).all())
except Exception as e:
    print(type(e).__name__, e)
try:
    print(Post.query.filter(Post.user.any()).all())
except Exception as e:
    print(type(e).__name__, e)
try:
    print(User.query.filter(User.posts == p).all())
except Exception as e:
    print(type(e).__name__, e)
