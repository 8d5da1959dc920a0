at = db.Table('at', db.Column('p_id', db.Integer, db.ForeignKey('post.id')),
              db.Column('t_id', db.Integer, db.ForeignKey('tag.id')))


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    posts = db.relationship('Post', backref='author')


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
    tags = db.relationship('Tag', secondary=at)


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)


db.create_all()
t1, t2 = Tag(), Tag()
ann, bob = User(name='ann'), User(name='bob')
db.session.add_all([Post(title='a1', author=ann, tags=[t1]), Post(title='b1', author=bob, tags=[t2]),
                    Post(title='x', author=bob)])
db.session.commit()
print([p.title for p in Post.query.join(Post.author).filter(Post.author.has(User.name == 'ann')).order_by(Post.id)])
print([u.name for u in User.query.join(User.posts).filter(User.posts.any(Post.title == 'x')).order_by(User.id)])
print([p.title for p in Post.query.join(Post.tags).filter(~Post.tags.contains(t1)).order_by(Post.id)])
print([p.title for p in Post.query.filter(Post.tags.any()).order_by(Post.id)])
print(str(Post.tags.any(Tag.id == 1)))
print(str(User.posts.any()))
