# ORM bulk UPDATE by primary key: session.execute(update(Model), [records]); records setting
# the same columns run as one executemany, the session's objects take the values.
from sqlalchemy import update


class P(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    qty = db.Column(db.Integer)
    name = db.Column(db.String(10))


db.create_all()
db.session.add_all([P(qty=i, name=n) for i, n in enumerate('abcd', 1)])
db.session.commit()
p1 = db.session.get(P, 1)
print(p1.qty)
r = db.session.execute(update(P), [{'id': 1, 'qty': 10}, {'id': 2, 'qty': 20}, {'id': 3, 'qty': 30, 'name': 'C'}])
print(type(r).__name__)
print(p1.qty, 'qty' in p1.__dict__, p1 in db.session.dirty)
print(db.session.execute(select(P.id, P.qty, P.name).order_by(P.id)).all())
for bad in ([{'qty': 5}], [{'id': 4, 'qty': 1}, {'name': 'x'}]):
    try:
        db.session.execute(update(P), bad)
    except Exception as e:
        print(type(e).__name__, e)
    db.session.rollback()
try:
    db.session.execute(update(P).where(P.name == 'c'), [{'id': 3, 'qty': 30}])
except Exception as e:
    print(type(e).__name__, e)
db.session.rollback()
print(db.session.execute(select(P.id, P.qty).order_by(P.id)).all())
