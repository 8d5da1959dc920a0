# Bidirectional backref bookkeeping in memory before/after flush (classic blog User/Post).
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    posts = db.relationship('Post', backref='author', lazy='select')

    def __repr__(self):
        return f'<User {self.name}>'


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))

    def __repr__(self):
        return f'<Post {self.title}>'


db.create_all()
u1, u2 = User(name='ann'), User(name='bob')
p1, p2, p3 = Post(title='a', author=u1), Post(title='b', author=u1), Post(title='c')
db.session.add_all([u1, u2, p3])
print(u1.posts, u2.posts, p1.user_id, p3.author)
db.session.commit()
print([p.user_id for p in Post.query.order_by(Post.id)])
p1.author = u2
print(u1.posts, u2.posts, p1.user_id)
db.session.flush()
print(p1.user_id, p1 in u2.posts)
u2.posts.append(p3)
print(p3.author, p3.user_id)
u1.posts[0] = p3
print(u1.posts, u2.posts, p2.author, p3.author)
db.session.commit()
print(db.session.execute(text('SELECT id, user_id FROM post ORDER BY id')).fetchall())
print(u1.posts, u2.posts, p2.author)
del u2.posts[0]
u2.posts.insert(0, p2)
db.session.commit()
print(db.session.execute(text('SELECT id, user_id FROM post ORDER BY id')).fetchall(), p1.author)
p2.user_id = u1.id
print(p2.author, p2 in u2.posts)
db.session.commit()
print(p2.author, u1.posts, u2.posts)
u1.posts.clear()
db.session.commit()
print(Post.query.filter(Post.user_id == None).order_by(Post.id).all(), u1.posts)
u1.posts += [p1, p2]
print(p1.author, len(u1.posts))
db.session.commit()
print(sorted(p.title for p in u1.posts), User.query.filter(User.posts.any()).order_by(User.id).all())
