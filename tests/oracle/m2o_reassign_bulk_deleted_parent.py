class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    posts = db.relationship('Post', backref='author')
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
db.create_all()
u1, u2 = User(), User()
db.session.add_all([u1, u2, Post(author=u1)])
db.session.commit()
User.query.filter_by(id=1).delete()
db.session.commit()
p = Post.query.first()
p.author = u2
db.session.commit()
print(p.user_id, [x.id for x in u2.posts])
