import json
from datetime import datetime
from decimal import Decimal

class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), nullable=False)
    price = db.Column(db.Numeric(10, 2))
    weight = db.Column(db.Float, default=1.5)
    added = db.Column(db.DateTime, default=datetime(2024, 1, 2, 3, 4, 5))
    on = db.Column(db.Date)
    active = db.Column(db.Boolean, default=True)
    meta = db.Column(db.JSON)

    def to_dict(self):
        return {c.name: getattr(self, c.name) for c in self.__table__.columns}

    def serialize(self):
        d = dict(self.__dict__)
        d.pop('_sa_instance_state', None)
        return d

db.create_all()
db.session.add_all([Item(name='pen', price=Decimal('1.50'), on=date(2024, 5, 6), meta={'tags': ['a', 'b'], 'n': 1}),
                    Item(name='book', price=12, weight=0.25, active=False, meta=[1, 2.5, None, True])])
db.session.commit()
items = Item.query.order_by(Item.id).all()
for it in items:
    print(it.to_dict())
    print(json.dumps(it.to_dict(), default=str))
    print(sorted(it.serialize().keys()))
print(json.dumps([i.to_dict() for i in items], default=str, indent=2)[:200])
print(json.dumps({'b': 1, 'a': [1, 2]}, sort_keys=True, separators=(',', ':')))
print(json.dumps({'x': 'é', 'y': None, 'z': 1.0}), json.dumps('é', ensure_ascii=False))
d = json.loads('{"a": [1, 2, {"b": null}], "c": 1.5e3, "d": true}')
print(d, type(d['c']).__name__)
try:
    json.dumps({'t': datetime(2020, 1, 1)})
except TypeError as e:
    print('TypeError', e)
try:
    json.loads('{bad json}')
except json.JSONDecodeError as e:
    print('JSONDecodeError', e)
it = db.session.get(Item, 1)
it.meta['n'] = 2
print(db.session.is_modified(it), it in db.session.dirty)
db.session.commit()
print(db.session.get(Item, 1).meta)
it.meta = {**it.meta, 'n': 3}
db.session.commit()
print(Item.query.get(1).meta['n'], Item.query.filter(Item.meta['n'].as_integer() == 3).count())
print(Item.query.filter(Item.price > 5).one().name, Item.query.filter(Item.active == False).count())
print(db.session.query(func.sum(Item.price)).scalar(), db.session.query(func.avg(Item.weight)).scalar())
print(repr(items[0].price * 2), items[0].price + Decimal('0.005'), round(items[0].price, 1))
print(f"{items[1].price:.1f} {items[1].price:>8} {float(items[1].price):.3e}")
