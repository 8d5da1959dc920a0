class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    profile = db.relationship('Profile', uselist=False, back_populates='user', cascade='all, delete-orphan')


class Profile(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
    user = db.relationship('User', back_populates='profile')


db.create_all()
u = User(profile=Profile())
db.session.add(u)
db.session.commit()
old = u.profile
u.profile = None
db.session.flush()
s = db.inspect(old)
print(s.deleted, s.detached, s.persistent, old in db.session)
db.session.commit()
print(s.deleted, s.detached, s.persistent, old in db.session)
p = Profile(user=u)
db.session.add(p)
db.session.commit()
x = Profile()
db.session.add(x)
db.session.flush()
db.session.delete(x)
db.session.flush()
print(db.inspect(x).deleted)
db.session.commit()
print(db.inspect(x).detached, db.inspect(x).deleted)
print(Profile.query.count(), db.inspect(x).detached, db.inspect(x).deleted, db.inspect(old).session is None, x in db.session)
