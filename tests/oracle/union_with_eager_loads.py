# Union queries (the followed-posts timeline) on models with eager-loaded relationships.
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    body = db.Column(db.String(50))
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
    author = db.relationship('User', lazy='joined', backref=db.backref('posts', lazy='dynamic'))
    comments = db.relationship('Comment', lazy='joined', order_by='Comment.id')
    tags = db.relationship('Tag', lazy='subquery')
    likes = db.relationship('Like', lazy='selectin')


class Comment(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    post_id = db.Column(db.Integer, db.ForeignKey('post.id'))


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    post_id = db.Column(db.Integer, db.ForeignKey('post.id'))


class Like(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    post_id = db.Column(db.Integer, db.ForeignKey('post.id'))


db.create_all()
ann, bob, cy = User(name='ann'), User(name='bob'), User(name='cy')
for i, u in enumerate([ann, bob, cy, ann, bob, cy, bob]):
    db.session.add(Post(body=f'p{i + 1}', author=u, comments=[Comment() for _ in range(i % 3)],
                        tags=[Tag() for _ in range(i % 2)], likes=[Like() for _ in range(i % 4)]))
db.session.commit()
followed = Post.query.filter(Post.user_id.in_([2, 3]))
own = Post.query.filter_by(user_id=1)
timeline = followed.union(own).order_by(Post.id.desc())
for p in timeline:
    print(p.id, p.body, p.author.name, len(p.comments), len(p.tags), len(p.likes))
print([(p.id, p.author.name) for p in timeline.limit(3)])
print([(p.id, len(p.comments)) for p in timeline.offset(2).limit(2)])
page = timeline.paginate(page=2, per_page=3)
print(page.total, [(p.body, p.author.name) for p in page.items])
print([p.body for p in ann.posts.union(bob.posts).order_by(Post.body)])
print(followed.union_all(own).count(), followed.intersect(own).count())
