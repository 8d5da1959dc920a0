# any() of a self-referential many-to-many through an alias of the class: the EXISTS reads the table itself, the association table aliased.
followers = db.Table('followers',
    db.Column('follower_id', db.Integer, db.ForeignKey('user.id')),
    db.Column('followed_id', db.Integer, db.ForeignKey('user.id')))


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(20))
    followed = db.relationship('User', secondary=followers,
        primaryjoin=(followers.c.follower_id == id),
        secondaryjoin=(followers.c.followed_id == id),
        backref=db.backref('followers', lazy='dynamic'), lazy='dynamic')


db.create_all()
a, b, c = User(username='a'), User(username='b'), User(username='c')
a.followed.append(b)
b.followed.append(c)
db.session.add_all([a, b, c])
db.session.commit()
U = db.aliased(User)
s = select(U.username).where(U.followed.any(User.username == 'c'))
print(s)
print(db.session.scalars(s).all())
print(db.session.scalars(select(U.username).where(~U.followers.any()).order_by(U.id)).all())
