from datetime import datetime
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), nullable=False)
    role = db.Column(db.String(20), default='member')
    created = db.Column(db.DateTime, default=lambda: datetime(2024, 1, 1))

tags = db.Table('tags', db.Column('user_id', db.Integer, db.ForeignKey('user.id'), primary_key=True),
                db.Column('label', db.String(20), primary_key=True))

db.create_all()
r = db.session.execute(db.insert(User).values(name='ann'))
print(r.rowcount, r.inserted_primary_key, type(r).__name__)
r = db.session.execute(db.insert(User), [{'name': 'bob'}, {'name': 'cy', 'role': 'admin'}])
print(type(r).__name__)
r = db.session.execute(db.insert(User).values(name='dee', role='x').returning(User.id, User.name))
print(r.all())
r = db.session.execute(db.insert(User).returning(User), [{'name': 'eve'}, {'name': 'fay'}])
print(r.scalars().all())
db.session.execute(db.insert(tags).values(user_id=1, label='a'))
db.session.execute(tags.insert(), [{'user_id': 1, 'label': 'b'}, {'user_id': 2, 'label': 'a'}])
db.session.commit()
print([(u.id, u.name, u.role, u.created) for u in User.query.order_by(User.id)])
print(db.session.execute(db.select(tags).order_by(tags.c.user_id, tags.c.label)).all())
try:
    db.session.execute(db.insert(User).values(name=None))
except Exception as e:
    print(type(e).__name__, e.orig)
    db.session.rollback()
print(str(db.insert(User).values(name='z')))
print(User.query.count())
