# load_only()/defer() leave a many-to-one's foreign key unloaded: reading the reference
# loads the key first, then the object (from the identity map when it is there).
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))

    def __repr__(self):
        return f'<User {self.name}>'


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
    author = db.relationship('User')


db.create_all()
db.session.add_all([Post(title='hi', author=User(name='ann')), Post(title='yo')])
db.session.commit()
db.session.expire_all()
posts = Post.query.options(db.load_only(Post.title)).order_by(Post.id).all()
print([(p.title, p.author) for p in posts])
db.session.expunge_all()
ann = User.query.first()
p = Post.query.options(db.defer(Post.user_id)).first()
print(p.author is ann, p.user_id)
