# Explicit primaryjoin/secondaryjoin keep their written orientation in the SQL.
followers = db.Table('followers',
    db.Column('follower_id', db.Integer, db.ForeignKey('user.id')),
    db.Column('followed_id', db.Integer, db.ForeignKey('user.id'))
)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(64), unique=True)
    followed = db.relationship(
        'User', secondary=followers,
        primaryjoin=(followers.c.follower_id == id),
        secondaryjoin=(followers.c.followed_id == id),
        backref=db.backref('followers', lazy='dynamic'), lazy='dynamic')

    def __repr__(self):
        return '<User {}>'.format(self.username)


db.create_all()
a, b, c = User(username='a'), User(username='b'), User(username='c')
db.session.add_all([a, b, c])
db.session.flush()
a.followed.append(b)
a.followed.append(c)
c.followed.append(a)
print(a.followed.order_by(User.username).all(), a.followers.all())
print(b.followers.count(), c.followers.all(), c.followed.all())
a.followed.remove(c)
print(a.followed.all(), c.followers.count())
print(User.query.join(followers, followers.c.followed_id == User.id).filter(followers.c.follower_id == a.id).all())
print(User.query.filter(User.followed.any(username='a')).all())
