# text(...).columns(name=Type): the named result columns come back as their types'
# Python values; the others as SQLite gives them.
from decimal import Decimal


class Employee(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    hired = db.Column(db.Date)
    seen = db.Column(db.DateTime)
    salary = db.Column(db.Numeric(10, 2))
    active = db.Column(db.Boolean)


db.create_all()
db.session.add(Employee(name='ann', hired=date(2020, 1, 5), seen=datetime(2024, 3, 1, 9, 30),
                        salary=Decimal('1234.50'), active=True))
db.session.commit()
raw = text('SELECT name, hired, seen, salary, active FROM employee')
print(db.session.execute(raw).one())
typed = raw.columns(hired=db.Date, seen=db.DateTime, salary=db.Numeric(10, 2), active=db.Boolean)
row = db.session.execute(typed).one()
print(row)
print(repr(row.hired), row.salary + 1, row.active is True)
print(repr(db.session.execute(text('SELECT hired FROM employee WHERE name = :n').columns(hired=db.Date), {'n': 'ann'}).scalar()))
print(type(typed).__name__, str(typed))
