# update()/delete() constructs: their type, RETURNING of columns and of a model class
# (evaluate and fetch synchronization), str() of them and of insert().returning().
from sqlalchemy import update, delete
class P(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(9))
    qty = db.Column(db.Integer)
db.create_all()
db.session.add_all([P(name='a', qty=1), P(name='b', qty=2)])
db.session.commit()
p = db.session.get(P, 1)
r = db.session.execute(update(P).where(P.id == 1).values(name='b').returning(P.name, P.qty))
print(r.all(), p.name)
print(db.session.execute(update(P).values(qty=P.qty + 1).returning(P)).scalars().all())
print(db.session.execute(delete(P).where(P.qty > 2).returning(P.id)).all())
print(db.session.execute(update(P).where(P.name == 'zz').values(qty=5).returning(P.id)).all())
print(update(P).where(P.id == 1).values(name='b').returning(P.name))
print(delete(P).returning(P.id, P.name))
print(db.session.execute(update(P).values(qty=9).returning(P.id).execution_options(synchronize_session='fetch')).all())
from sqlalchemy import insert
print(type(update(P)).__name__, type(delete(P)).__name__)
print(insert(P).values(name='x').returning(P.id))
print(insert(P).values(name='x').returning(P))
