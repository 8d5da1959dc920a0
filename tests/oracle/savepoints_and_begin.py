class Acct(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20), unique=True, nullable=False)
    bal = db.Column(db.Integer, default=0)

db.create_all()
db.session.add_all([Acct(name='a', bal=100), Acct(name='b', bal=50)])
db.session.commit()
a = db.session.get(Acct, 1)
a.bal -= 30
try:
    with db.session.begin_nested():
        db.session.add(Acct(name='a'))
except Exception as e:
    print(type(e).__name__)
print(a.bal, Acct.query.count())
db.session.commit()
print(db.session.get(Acct, 1).bal)
with db.session.begin_nested():
    db.session.add(Acct(name='c', bal=7))
db.session.commit()
print([(x.name, x.bal) for x in Acct.query.order_by(Acct.id)])
try:
    with db.session.begin():
        db.session.add(Acct(name='d'))
except Exception as e:
    print(type(e).__name__, e)
db.session.rollback()
db.session.close()
with db.session.begin():
    db.session.add(Acct(name='e', bal=1))
print(Acct.query.count())
try:
    with db.session.begin():
        db.session.add(Acct(name='e', bal=1))
except Exception as e:
    print(type(e).__name__)
print(Acct.query.count(), db.session.is_active)
class Ctx:
    def __enter__(self):
        print('enter')
        return self
    def __exit__(self, t, v, tb):
        print('exit', t.__name__ if t else None, v)
        return True
with Ctx() as c:
    raise ValueError('boom')
print('after')
class A(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    v = db.Column(db.Integer)
db.create_all()
db.session.add(A(v=1))
db.session.commit()
sp = db.session.begin_nested()
db.session.add(A(v=2))
sp.rollback()
print(A.query.count())
sp = db.session.begin_nested()
db.session.add(A(v=3))
sp.commit()
db.session.commit()
print([a.v for a in A.query.order_by(A.id)])
