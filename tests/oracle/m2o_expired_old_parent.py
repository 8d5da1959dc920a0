class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    posts = db.relationship('Post', backref='author')
    def __repr__(self):
        return f'<User {self.name}>'
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
db.create_all()
u1, u2 = User(name='ann'), User(name='bob')
db.session.add_all([u1, u2, Post(author=u1), Post(author=u1)])
db.session.commit()
p = Post.query.first()
p.author = u2
print(db.inspect(p).attrs.author.history)
db.session.commit()
print(p.user_id, [x.id for x in u2.posts], [x.id for x in u1.posts])
p2 = db.session.get(Post, 2)
print(u1.name)
p2.author = u2
print(db.inspect(p2).attrs.author.history, [x.id for x in u1.posts])
db.session.commit()
print([x.id for x in u2.posts], [x.id for x in u1.posts])
