# primaryjoin= given as a lambda naming classes defined later: called when they exist,
# its extra condition kept in lazy loads, joins, eager loads and the backref.
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    pinned = db.relationship(
        'Comment', primaryjoin=lambda: and_(Comment.post_id == Post.id, Comment.pinned == True),
        viewonly=True, order_by=lambda: Comment.id)
    comments = db.relationship('Comment', backref='post')


class Comment(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    pinned = db.Column(db.Boolean, default=False)
    post_id = db.Column(db.Integer, db.ForeignKey('post.id'))


print(select(Post.title).join(Post.pinned))
db.create_all()
p = Post(id=1, title='a')
db.session.add_all([p, Comment(post=p), Comment(post=p, pinned=True), Comment(post=p, pinned=True)])
db.session.commit()
print([c.id for c in db.session.get(Post, 1).pinned], len(p.comments))
db.session.expire_all()
print([(x.title, [c.id for c in x.pinned]) for x in Post.query.options(db.selectinload(Post.pinned))])
print(db.session.scalars(select(Post.id).join(Post.pinned).distinct()).all())
print(Post.query.filter(Post.pinned.any()).count())
