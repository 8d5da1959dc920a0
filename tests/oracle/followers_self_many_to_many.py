followers = db.Table('followers',
    db.Column('follower_id', db.Integer, db.ForeignKey('user.id')),
    db.Column('followed_id', db.Integer, db.ForeignKey('user.id'))
)

class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(64), index=True, unique=True)
    posts = db.relationship('Post', backref='author', lazy='dynamic')
    followed = db.relationship(
        'User', secondary=followers,
        primaryjoin=(followers.c.follower_id == id),
        secondaryjoin=(followers.c.followed_id == id),
        backref=db.backref('followers', lazy='dynamic'), lazy='dynamic')

    def __repr__(self):
        return '<User {}>'.format(self.username)

    def follow(self, user):
        if not self.is_following(user):
            self.followed.append(user)

    def unfollow(self, user):
        if self.is_following(user):
            self.followed.remove(user)

    def is_following(self, user):
        return self.followed.filter(followers.c.followed_id == user.id).count() > 0

    def followed_posts(self):
        followed = Post.query.join(
            followers, (followers.c.followed_id == Post.user_id)).filter(
                followers.c.follower_id == self.id)
        own = Post.query.filter_by(user_id=self.id)
        return followed.union(own).order_by(Post.id.desc())

class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    body = db.Column(db.String(140))
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))

    def __repr__(self):
        return '<Post {}>'.format(self.body)

db.create_all()
u1, u2, u3 = User(username='john'), User(username='susan'), User(username='mary')
db.session.add_all([u1, u2, u3])
db.session.commit()
print(u1.followed.all(), u1.followers.all())
u1.follow(u2)
u1.follow(u3)
u2.follow(u3)
db.session.commit()
print(u1.is_following(u2), u2.is_following(u1))
print(u1.followed.count(), u3.followers.count(), u3.followers.order_by(User.username).all())
print(u1.followed.order_by(User.id).all(), u2.followers.all())
db.session.add_all([Post(body='from john', author=u1), Post(body='from susan', author=u2), Post(body='from mary', author=u3)])
db.session.commit()
print(u1.followed_posts().all())
print(u2.followed_posts().all())
u1.unfollow(u2)
db.session.commit()
print(u1.is_following(u2), u1.followed.count(), u2.followers.count())
