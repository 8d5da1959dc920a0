class U(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))

db.create_all()
a, b = U(name='a'), U(name='b')
db.session.add_all([a, b])
db.session.commit()
db.session.expunge(a)
db.session.delete(a)
print(db.inspect(a).persistent, a in db.session, a in db.session.deleted)
db.session.commit()
print(U.query.count(), db.inspect(a).detached, db.inspect(a).deleted)
db.session.delete(b)
db.session.commit()
try:
    db.session.delete(b)
    print("ok", b in db.session.deleted, b in db.session)
    db.session.commit()
    print('committed')
except Exception as e:
    print(type(e).__name__, e)
db.session.rollback()
c = U(name='c')
try:
    db.session.delete(c)
except Exception as e:
    print(type(e).__name__, str(e).endswith('is not persisted'))
