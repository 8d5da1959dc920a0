# Self-referential many-to-many followers with lazy='dynamic' on both sides, and deleting a user.
followers = db.Table(
    'followers',
    db.Column('follower_id', db.Integer, db.ForeignKey('user.id')),
    db.Column('followed_id', db.Integer, db.ForeignKey('user.id')),
)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(20))
    followed = db.relationship(
        'User', secondary=followers,
        primaryjoin=(followers.c.follower_id == id),
        secondaryjoin=(followers.c.followed_id == id),
        backref=db.backref('followers', lazy='dynamic'), lazy='dynamic')
    posts = db.relationship('Post', backref='author', lazy='dynamic')

    def follow(self, user):
        if not self.is_following(user):
            self.followed.append(user)

    def unfollow(self, user):
        if self.is_following(user):
            self.followed.remove(user)

    def is_following(self, user):
        return self.followed.filter(followers.c.followed_id == user.id).count() > 0

    def followed_posts(self):
        theirs = Post.query.join(followers, followers.c.followed_id == Post.user_id) \
            .filter(followers.c.follower_id == self.id)
        return theirs.union(self.posts).order_by(Post.id.desc())

    def __repr__(self):
        return f'<User {self.username}>'


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    body = db.Column(db.String(40))
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))


db.create_all()
john, susan, mary, david = [User(username=n) for n in ['john', 'susan', 'mary', 'david']]
db.session.add_all([john, susan, mary, david])
for u in [john, susan, mary, david]:
    db.session.add(Post(body=f'post from {u.username}', author=u))
db.session.commit()
john.follow(susan)
john.follow(david)
john.follow(susan)
susan.follow(mary)
mary.follow(david)
db.session.commit()
print(db.session.execute(text('SELECT * FROM followers')).all())
print(john.followed.order_by(User.username).all(), david.followers.order_by(User.id).all())
print([p.body for p in john.followed_posts()])
print(john.is_following(mary), susan.followers.count(), john.followers.count())
john.unfollow(david)
john.unfollow(mary)
db.session.commit()
print(db.session.execute(text('SELECT * FROM followers ORDER BY follower_id, followed_id')).all())
print([p.body for p in john.followed_posts()])
db.session.delete(susan)
db.session.commit()
print(db.session.execute(text('SELECT * FROM followers ORDER BY follower_id, followed_id')).all())
print(User.query.filter(User.followers.any(username='mary')).all(), john.followed.all())
print(db.session.execute(text('SELECT id, user_id FROM post ORDER BY id')).all())
