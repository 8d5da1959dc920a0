class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), nullable=False)
    karma = db.Column(db.Integer, default=0)

    def __repr__(self):
        return f'User({self.name!r}, karma={self.karma})'

db.create_all()
u = User(name='ann')
print(u.karma, u.id)
db.session.add(u)
print(u in db.session, len(db.session.new), db.session.new)
db.session.flush()
print(u.id, u.karma, len(db.session.new))
db.session.commit()
u.name = 'anne'
print(db.session.is_modified(u))
with db.session.no_autoflush:
    print(User.query.filter_by(name='anne').count())
print(User.query.filter_by(name='anne').count())
db.session.rollback()
print(u.name)
u.karma += 5
db.session.commit()
print(u)
db.session.expire(u)
print(u.karma)
db.session.expire(u, ['karma'])
print(u.name, u.karma)
u2 = User(name='bob', karma=3)
db.session.add(u2)
db.session.commit()
db.session.expunge_all()
print(u2 in db.session)
u3 = db.session.merge(u2)
print(u3 is u2, u3, u3 in db.session)
db.session.close()
print(User.query.count(), [x.name for x in User.query.order_by(User.karma.desc())])
x = User.query.get(1)
db.session.delete(x)
print(x in db.session.deleted, db.session.get(User, 1))
db.session.commit()
print(db.session.get(User, 1), User.query.count())
try:
    db.session.delete(User(name='ghost'))
except Exception as e:
    print(type(e).__name__, str(e).endswith('is not persisted'))
try:
    db.session.add(42)
except Exception as e:
    print(type(e).__name__, e)
users = [User(name=f'u{i}', karma=i * 10) for i in range(5)]
db.session.add_all(users)
db.session.commit()
print(User.query.filter(User.karma >= 20).update({User.karma: User.karma + 1}), [u.karma for u in users])
print(User.query.filter(User.name.like('u%')).delete(synchronize_session=False))
db.session.commit()
print(User.query.all())
db.session.add(User(name=None))
try:
    db.session.commit()
except Exception as e:
    print(type(e).__name__, str(e.orig))
    db.session.rollback()
try:
    db.session.add(User(name='a'))
    db.session.add(User(id=2, name='dup'))
    db.session.commit()
except Exception as e:
    print(type(e).__name__, str(e).split('\n')[0])
    db.session.rollback()
print(User.query.count())
