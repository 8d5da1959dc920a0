class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    posts = db.relationship('Post', backref='user')
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
db.create_all()
for v in [1, 'x', User]:
    try:
        print(Post.query.filter_by(user=v).all())
    except Exception as e:
        print(type(e).__name__, e)
    try:
        print(Post.query.filter(Post.user == v).all())
    except Exception as e:
        print(type(e).__name__, e)
u = User()
try:
    u.posts.append('hello')
except Exception as e:
    print(type(e).__name__, e)
try:
    u.posts.append(u)
except Exception as e:
    print(type(e).__name__, e)
try:
    Post().user = 5
except Exception as e:
    print(type(e).__name__, e)
