# Assigning to a dynamic relationship: a pending append is one of the old members (the
# assignment removes it, and its backref lets go), and a repeated member is added once.
tags = db.Table('tags',
    db.Column('post_id', db.Integer, db.ForeignKey('post.id'), primary_key=True),
    db.Column('tag_id', db.Integer, db.ForeignKey('tag.id'), primary_key=True))
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    posts = db.relationship('Post', lazy='dynamic', backref='user')
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
    tags = db.relationship('Tag', secondary=tags, lazy='dynamic')
class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
db.create_all()
u = User()
a, b = Post(title='a'), Post(title='b')
db.session.add_all([u, a]); db.session.commit()
with db.session.no_autoflush:
    u.posts.append(b)
    u.posts = [a]
    print(b.user, b in db.session)
db.session.commit()
print([p.title for p in u.posts.order_by(Post.id)], b.user_id)
x, y = Tag(name='x'), Tag(name='y')
db.session.add_all([x, y]); db.session.commit()
a.tags = [x, y, x]
db.session.commit()
print([t.name for t in a.tags.order_by(Tag.id)], db.session.execute(text('select count(*) from tags')).scalar())
u.posts.remove(a)
print(a.user)
db.session.commit()
print(u.posts.count(), a.user_id)
