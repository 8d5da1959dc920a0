# A deferred column set to None (pending), or loaded as NULL, is kept by a query of its class.
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50))
    bio = db.deferred(db.Column(db.Text))
def keys(o):
    return sorted(k for k in o.__dict__ if not k.startswith('_'))
db.create_all()
db.session.add_all([User(name='a', bio='hello')]); db.session.commit()
u1 = db.session.get(User, 1)
with db.session.no_autoflush:
    u1.bio = None
    us = User.query.all()
    print(keys(u1), db.session.is_modified(u1))
    print(u1.bio)
db.session.commit()
print(db.session.execute(text('select bio from user')).all())
u1 = db.session.get(User, 1)
u1.bio = 'x'
db.session.commit()
u1 = db.session.get(User, 1)
with db.session.no_autoflush:
    u1.bio = None
    us = User.query.all()
db.session.commit()
print(db.session.execute(text('select bio from user')).all())
