# functools in decorators (login_required-style), reduce, lru_cache; HTTP status phrases.
from functools import wraps, reduce, lru_cache
from werkzeug.http import HTTP_STATUS_CODES
from werkzeug.exceptions import UnprocessableEntity, TooManyRequests
from flask import abort

calls = []


def logged(f):
    @wraps(f)
    def decorated(*args, **kwargs):
        calls.append(f.__name__)
        return f(*args, **kwargs)
    return decorated


class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    price = db.Column(db.Integer)


@logged
def total():
    return reduce(lambda a, b: a + b, [i.price for i in Item.query.order_by(Item.id)], 0)


@lru_cache(maxsize=None)
def square(n):
    return n * n


@lru_cache
def cube(n):
    return n ** 3


db.create_all()
db.session.add_all([Item(price=p) for p in (3, 4, 5)])
db.session.commit()
print(total(), total(), calls)
print(reduce(max, [3, 9, 2]), square(7), cube(2))
print(HTTP_STATUS_CODES[404], HTTP_STATUS_CODES.get(418), HTTP_STATUS_CODES.get(599, 'Unknown error'))
for code in (422, 429, 410):
    try:
        abort(code)
    except Exception as e:
        print(type(e).__name__, e.code, e.name, e.description)
try:
    raise UnprocessableEntity('bad fields')
except UnprocessableEntity as e:
    print(str(e))
try:
    reduce(max, [])
except TypeError as e:
    print(e)
