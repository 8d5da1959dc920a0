# A relationship attribute has no .name: comparing it (a slip for a join) raises AttributeError.
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
    author = db.relationship('User', backref='posts')


db.create_all()
try:
    print(Post.query.filter(Post.author.name == 'ann').all())
except AttributeError as e:
    print(type(e).__name__, e)
print(Post.author.key, User.name.name, User.name.key)
