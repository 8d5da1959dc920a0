followers = db.Table('followers',
    db.Column('follower_id', db.Integer, db.ForeignKey('user.id')),
    db.Column('followed_id', db.Integer, db.ForeignKey('user.id')))

class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    followed = db.relationship('User', secondary=followers,
        primaryjoin=(followers.c.follower_id == id),
        secondaryjoin=(followers.c.followed_id == id),
        backref=db.backref('followers', lazy='dynamic'), lazy='dynamic')
    def __repr__(self):
        return f'<User {self.name}>'

db.create_all()
a, b, c = User(name='a'), User(name='b'), User(name='c')
db.session.add_all([a, b, c])
a.followed.append(b)
db.session.commit()
a.followed.remove(c)
try:
    db.session.commit()
except Exception as e:
    print(type(e).__name__, e)
    db.session.rollback()
print(a.followed.all(), b.followers.all())
try:
    db.session.add(User(name='d'))
    db.session.commit()
except Exception as e:
    print('again', type(e).__name__)
print(User.query.count())
a.followed.remove(b)
a.followed.append(c)
db.session.commit()
print(a.followed.all(), db.session.execute(followers.select()).all())
