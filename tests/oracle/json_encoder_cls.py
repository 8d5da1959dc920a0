# json.dumps(..., cls=...) with a json.JSONEncoder subclass serializing Decimal and dates.
import json
from decimal import Decimal


class Product(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    price = db.Column(db.Numeric(8, 2))
    added = db.Column(db.Date)


class ShopEncoder(json.JSONEncoder):
    def default(self, obj):
        if isinstance(obj, Decimal):
            return str(obj)
        if hasattr(obj, 'isoformat'):
            return obj.isoformat()
        return super().default(obj)


db.create_all()
db.session.add(Product(name='pen', price=Decimal('1.50'), added=datetime(2024, 1, 2).date()))
db.session.commit()
p = Product.query.first()
print(json.dumps({'name': p.name, 'price': p.price, 'added': p.added}, cls=ShopEncoder, sort_keys=True))
try:
    json.dumps({'p': p}, cls=ShopEncoder)
except TypeError as e:
    print('TypeError', e)
print(isinstance(ShopEncoder(), json.JSONEncoder))
print(ShopEncoder(sort_keys=True).encode({'b': Decimal('2.0'), 'a': 1}), ShopEncoder().encode([p.added]))
