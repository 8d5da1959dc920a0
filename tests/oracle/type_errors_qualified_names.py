# TypeError messages name C types as CPython's tp_name does (decimal.Decimal,
# datetime.datetime...); a string indexed by a string; a row mapping's unnamed column.
from decimal import Decimal
from datetime import datetime


class City(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    country = db.Column(db.String(30))
    founded = db.Column(db.DateTime)
    budget = db.Column(db.Numeric(10, 2))


db.create_all()
db.session.add_all([City(country='NO', founded=datetime(1048, 1, 1), budget=Decimal('9.99')),
                    City(country='NO', founded=datetime(1070, 5, 2), budget=Decimal('1.50'))])
db.session.commit()
c = City.query.first()
for fn in [lambda: ', '.join([c.budget]), lambda: len(c.founded), lambda: '%d' % c.founded.date(),
           lambda: f'{c.founded - c.founded:>8}', lambda: c.country['name'], lambda: c.founded[0],
           lambda: [x for x in c.budget], lambda: c.budget(), lambda: [1, 2][c.budget],
           lambda: int(c.founded), lambda: c.budget + 1.5, lambda: 'x' + c.budget]:
    try:
        print(fn())
    except TypeError as e:
        print(e)
row = db.session.query(City.country, db.func.count(City.id)).group_by(City.country).one()
print(dict(row._mapping), list(row._mapping.keys()), list(row._mapping.values()), len(row._mapping))
print(row._mapping, row)
row2 = db.session.execute(db.select(City.country, db.func.count(City.id))).one()
print(dict(row2._mapping))
