# One-to-one (uselist=False) replacements from both sides, persistent and transient.
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    profile = db.relationship('Profile', back_populates='user', uselist=False)

    def __repr__(self):
        return f'<User {self.name}>'


class Profile(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    bio = db.Column(db.String(10))
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
    user = db.relationship('User', back_populates='profile')

    def __repr__(self):
        return f'<Profile {self.bio}>'


db.create_all()
a, b = User(name='a', profile=Profile(bio='pa')), User(name='b', profile=Profile(bio='pb'))
db.session.add_all([a, b])
db.session.commit()
p = b.profile
p.user = a
print(b.profile, a.profile, a.profile is p)
db.session.commit()
print(db.session.execute(text('SELECT bio, user_id FROM profile ORDER BY id')).all())
q = Profile(bio='new')
a.profile = q
print(p.user, q.user, a.profile)
db.session.commit()
print(db.session.execute(text('SELECT bio, user_id FROM profile ORDER BY id')).all())
b.profile = p
print(p.user, b.profile)
db.session.commit()
print(db.session.execute(text('SELECT bio, user_id FROM profile ORDER BY id')).all())
u, v = User(name='u'), User(name='v')
r = Profile(bio='r', user=u)
print(u.profile, v.profile)
r.user = v
print(u.profile, v.profile, r.user)
