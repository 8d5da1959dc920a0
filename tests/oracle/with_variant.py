# `BigInteger().with_variant(Integer, 'sqlite')`, the usual auto-incrementing BigInteger
# key: SQLite's variant is the column's DDL and behaviour; another dialect's changes nothing.
class Event(db.Model):
    id = db.Column(db.BigInteger().with_variant(db.Integer, 'sqlite'), primary_key=True)
    name = db.Column(db.String(20).with_variant(db.Text(), 'sqlite', 'postgresql'))
    n = db.Column(db.Integer().with_variant(db.BigInteger(), 'postgresql'))


db.create_all()
db.session.add_all([Event(name='x'), Event(name='y', n=3)])
db.session.commit()
print([(e.id, e.name, e.n) for e in Event.query.order_by(Event.id)])
print(db.session.execute(text("SELECT sql FROM sqlite_master WHERE name='event'")).scalar())
print(Event.__table__.c.n.type, Event.__table__.c.id.autoincrement)
try:
    db.Integer().with_variant(db.Integer)
except Exception as e:
    print(type(e).__name__, e)
