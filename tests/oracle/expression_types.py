# Expression typing: untyped functions (round/abs/ifnull/avg/upper), ReturnTypeFromArgs
# (coalesce/max/min/sum), Integer*float, Numeric vs Float, `+` of untyped functions,
# literals bound with their own type (a datetime beside a Date column), `.type`.
from decimal import Decimal


class Line(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    qty = db.Column(db.Integer)
    price = db.Column(db.Numeric(10, 2))
    rate = db.Column(db.Float)
    name = db.Column(db.String(20))
    day = db.Column(db.Date)
    at = db.Column(db.DateTime)


db.create_all()
db.session.add_all([
    Line(qty=3, price=Decimal('-9.99'), rate=0.5, name='ann', day=date(2024, 1, 2), at=datetime(2024, 1, 2)),
    Line(qty=6, price=Decimal('4.25'), rate=0.1, name='bob', day=date(2024, 1, 3), at=datetime(2024, 1, 3, 12)),
])
db.session.commit()
q = db.session.query
print(q(func.round(Line.price, 1), func.abs(Line.price), func.ifnull(Line.price, 0)).filter(Line.id == 1).one())
print(q(func.round(func.avg(Line.price), 2), func.round(func.sum(Line.price), 2)).one())
print(q(func.coalesce(Line.price, 0), func.max(Line.price), func.min(Line.qty), func.sum(Line.rate)).filter(Line.id == 2).one())
print(q(func.coalesce(None, Line.price)).filter(Line.id == 2).scalar(), q(func.sum(Line.qty, type_=db.Numeric(8, 3))).scalar())
print(q(Line.qty * 1.0 / 2, Line.qty / 2, Line.qty // 4, Line.qty // 4.0).filter(Line.id == 1).one())
print(q(Line.price + Line.rate, Line.rate * Line.price, Line.price * 1.5, Line.price * 2).filter(Line.id == 2).one())
print(q(func.sum(Line.qty) * 1.0 / func.count(Line.id), func.length(Line.name) / 2).first())
print((Line.qty * 1.0 / 2).type, (Line.qty / 2).type, repr((Line.qty / Line.price).type))
for e in [Line.qty * 1.0, Line.price + Line.rate, Line.rate - Line.price,
          Line.qty + Line.price, func.round(Line.price), func.count(), func.max(Line.day), Line.qty // 2.5,
          func.upper(Line.name) + 'x', Line.name + 5, Line.day - Line.day, Line.at - Line.at]:
    print(e, '|', e.type, '|', repr(e.type))
print(func.upper(Line.name) + func.lower(Line.name), '|', Line.name + func.upper(Line.name))
print(q(func.upper(Line.name) + func.substr(Line.name, 2), func.upper(Line.name) + '!').filter(Line.id == 1).one())
print(q(Line.name + func.upper(Line.name), func.lower(Line.name) * 2).filter(Line.id == 1).one())
print([Line.query.filter(Line.day == v).count() for v in [datetime(2024, 1, 2), datetime(2024, 1, 2, 15), date(2024, 1, 2)]])
print(Line.query.filter(Line.day < datetime(2024, 1, 3)).count(), Line.query.filter(Line.at >= date(2024, 1, 3)).count())
print(Line.query.filter(Line.day.in_([datetime(2024, 1, 2), datetime(2024, 1, 3)])).count())
print(Line.query.filter(Line.day.between(date(2024, 1, 1), datetime(2024, 1, 3))).count())
print(q(Line.price).filter(Line.price == 4.25).all(), q(Line.name).filter(Line.name == Decimal('1.5')).all())
