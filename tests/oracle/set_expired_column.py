# Setting a column of an expired object loads nothing: the flush loads its other
# columns, then UPDATEs before it INSERTs (a unique value moves to a new row).
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(30), unique=True)
    name = db.Column(db.String(30))
    age = db.Column(db.Integer)


db.create_all()
old = User(email='a@x.io', name='ann', age=30)
db.session.add(old)
db.session.commit()
db.session.add(User(email='a@x.io', name='bob', age=40))
old.email = 'old@x.io'
db.session.commit()
print([(u.id, u.email, u.name) for u in User.query.order_by(User.id)])
old.email = 'x@x.io'
print(old in db.session.dirty, db.session.is_modified(old))
db.session.flush()
print(old.name, old.email)
db.session.commit()
old.email = 'y@x.io'
print(old.email, old.age)
db.session.commit()
old.age = 31
with db.session.no_autoflush:
    print(old.id, old.age, old.email, db.session.is_modified(old))
db.session.rollback()
print(old.age, old.email)
db.session.expire(old)
old.name = 'anna'
db.session.expire(old, ['name'])
print(old.name, db.session.is_modified(old))
old.name = 'anne'
db.session.refresh(old)
print(old.name, db.session.is_modified(old))
