# Uppercase SQL types on db (DDL names, behaviour of their base type), Numeric(asdecimal=False),
# Float(asdecimal=True), Boolean(create_constraint=True)
from decimal import Decimal


class Item(db.Model):
    id = db.Column(db.INTEGER, primary_key=True)
    code = db.Column(db.CHAR(3))
    label = db.Column(db.NVARCHAR(20))
    initial = db.Column(db.NCHAR(1))
    body = db.Column(db.CLOB)
    price = db.Column(db.DECIMAL(6, 3))
    weight = db.Column(db.REAL)
    ratio = db.Column(db.FLOAT)
    total = db.Column(db.NUMERIC(10, 2))
    approx = db.Column(db.Numeric(5, 1, asdecimal=False))
    exact = db.Column(db.Float(asdecimal=True))
    seen = db.Column(db.TIMESTAMP)
    at = db.Column(db.DATETIME)
    day = db.Column(db.DATE)
    big = db.Column(db.BIGINT)
    small = db.Column(db.SMALLINT)
    data = db.Column(db.BLOB)
    active = db.Column(db.BOOLEAN)
    on_sale = db.Column(db.Boolean(create_constraint=True))


db.create_all()
print(db.session.execute(text("SELECT sql FROM sqlite_master WHERE name='item'")).scalar())
db.session.add(Item(code='abc', label='x', initial='y', body='long', price=Decimal('1.5'), weight=2, ratio=0.5,
                    total=Decimal('3.456'), approx=2.25, exact=1.5, seen=datetime(2024, 1, 2, 3, 4, 5),
                    at=datetime(2024, 5, 6), day=date(2024, 1, 2), big=2 ** 40, small=3, data=b'\x01',
                    active=True, on_sale=False))
db.session.commit()
db.session.expire_all()
it = Item.query.first()
for k in ['code', 'price', 'weight', 'ratio', 'total', 'approx', 'exact', 'seen', 'at', 'day', 'big', 'active', 'on_sale']:
    print(k, repr(getattr(it, k)))
print(Item.query.filter(Item.seen > datetime(2024, 1, 1)).count(), Item.query.filter(Item.price == Decimal('1.5')).count())
try:
    db.session.execute(text('UPDATE item SET on_sale = 2'))
except Exception as e:
    print(type(e).__name__, e.orig)
    db.session.rollback()
print(repr(Item.__table__.c.price.type), repr(Item.__table__.c.code.type))
