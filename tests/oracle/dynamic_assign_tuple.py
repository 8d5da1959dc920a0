class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    posts = db.relationship('Post', backref='author', lazy='dynamic')
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.ForeignKey('user.id'))
db.create_all()
u = User()
db.session.add(u)
u.posts = (Post(), Post())
db.session.commit()
print(u.posts.count())
