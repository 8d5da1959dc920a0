from datetime import datetime, date, timedelta
from decimal import Decimal


class Thing(db.Model):
    id = db.Column(db.BigInteger, primary_key=True)
    small = db.Column(db.SmallInteger, default=1)
    label = db.Column(db.Unicode(20))
    notes = db.Column(db.UnicodeText)
    blob = db.Column(db.LargeBinary)
    at = db.Column(db.Time)
    kind = db.Column(db.Enum('a', 'bb', name='kind_enum'))
    ratio = db.Column(db.Float(precision=2))
    amount = db.Column(db.Numeric(10, 3))


db.create_all()
print(db.session.execute(db.text("select sql from sqlite_master where name='thing'")).scalar())
t = Thing(label='ü', notes='n', blob=b'\x00\x01', kind='bb', ratio=0.1, amount=Decimal('1.5'))
db.session.add(t)
try:
    db.session.commit()
except Exception as e:
    print(type(e).__name__, e.orig)
    db.session.rollback()
t = Thing(id=7, label='ü', notes='n', blob=b'\x00\x01', kind='bb', ratio=0.1, amount=Decimal('1.5'))
db.session.add(t)
db.session.commit()
print(t.id, t.small, t.label, t.blob, t.kind, t.ratio, t.amount)
print(db.session.execute(db.text('select kind, amount, blob from thing')).one())
print(Thing.query.filter_by(kind='bb').first().id)
