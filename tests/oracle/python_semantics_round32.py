import json
from decimal import Decimal
total = 0
def add(n):
    total += n
    return total
def label(flag):
    if flag:
        result = 'set'
    return result
def counted():
    global total
    total += 1
    return total
for call in [lambda: add(5), lambda: label(False), lambda: label(True), counted]:
    try:
        print(call())
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    except NameError as e:
        print('NameError', e)
q = ['A', 'C']
d = {'A': 0, 'C': 0}
d[q.pop()] += 10
print(d, q)
class Base:
    @property
    def label(self):
        return 'base'
class Child(Base):
    def __init__(self):
        Base.__init__(self)
        self.ok = True
    @property
    def label(self):
        return 'child+' + super().label
print(Child().label, Child().ok)
class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    def __init__(self, name):
        db.Model.__init__(self, name=name.upper())
print(Item('pen').name)
days = [date(2024, 1, 2), date(2024, 1, 1)]
print([date.isoformat(x) for x in days], sorted(days, key=date.toordinal), json.dumps({'d': datetime(2024, 1, 1, 9)}, default=datetime.isoformat))
print(Decimal.quantize(Decimal('1.234'), Decimal('0.1')), str.upper('x'))
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        return self.cents == getattr(other, 'cents', other)
print(Money(5) == 5, 5 == Money(5), 5 != Money(5), [5] == [Money(5)])
class Product:
    def __init__(self, price):
        self.price = price
    def __gt__(self, other):
        return self.price > other.price
print([p.price for p in sorted([Product(3), Product(1), Product(2)])])
data = {'name': 'ann'}
for call in [lambda: Item(**data, name='bob'), lambda: dict(**data, name='x'), lambda: print(**data, **{'name': 1})]:
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
for v in [5, None, Money(1)]:
    try:
        a, b = v
    except TypeError as e:
        print(e)
    try:
        print('x' in v)
    except TypeError as e:
        print(e)
