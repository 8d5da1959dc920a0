from sqlalchemy.exc import IntegrityError
from datetime import date


class Cart(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    items = db.Column(db.JSON)
    keys = db.Column(db.String(10), unique=True)


db.create_all()
print(db.session().in_transaction())
c = Cart(items=[1], keys='a')
db.session.add(c)
print(db.session().in_transaction(), db.session().in_transaction())
db.session.commit()
print(db.session().in_transaction())
db.session.delete(c)
print(db.session().in_transaction())
db.session.rollback()
print(db.session().in_transaction())
try:
    db.session.add_all([Cart(keys='a'), Cart(keys='a')])
    db.session.commit()
except IntegrityError as e:
    print(type(e).__name__, e.detail, e.orig)
    db.session.rollback()
print(db.session().in_transaction())
try:
    print(db.session.query(db.func.count(Cart)).scalar())
except Exception as e:
    print(type(e).__name__, e)
print(db.session.execute(db.select(db.func.extract('year', date(2024, 5, 6)))).scalar())
print(db.select(db.func.extract('month', Cart.id)))
print(type(Cart.__table__.c.items).__name__, Cart.__table__.c['items'], list(Cart.__table__.c.keys()))
print(Cart.__table__.c.id.type.compile(dialect=db.engine.dialect), Cart.__table__.c['keys'].type.compile())
print(db.literal(5) + Cart.id, Cart.id * db.literal(2), db.func.coalesce(Cart.id, db.literal(0)))
