# json.loads with object_hook, object_pairs_hook, parse_int and parse_float, of str and bytes.
import json
from decimal import Decimal


class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    price = db.Column(db.Numeric(6, 2))


db.create_all()
db.session.add_all([Item(name='pen', price=Decimal('1.50')), Item(name='ink', price=Decimal('12.00'))])
db.session.commit()
text = json.dumps([{'id': i.id, 'name': i.name, 'price': str(i.price)} for i in Item.query.order_by(Item.id)])
print([i.name for i in json.loads(text, object_hook=lambda d: Item(**{k: v for k, v in d.items() if k != 'id'}))])
print(json.loads(text, object_pairs_hook=lambda pairs: [k for k, v in pairs]))
print(json.loads('{"n": 7, "x": [1, 2.5]}', parse_int=str, parse_float=Decimal))
print(json.loads(b'{"name": "abc", "tags": ["a"]}'))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d)))
data = json.loads(text, parse_float=Decimal, object_hook=dict)
print([d['price'] for d in data], type(data[0]).__name__)
