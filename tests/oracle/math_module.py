# math functions learners reach for around the ORM, and abs() of a timedelta.
import math
from math import pi, inf, gcd


class Sale(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    amount = db.Column(db.Float)


db.create_all()
db.session.add_all([Sale(amount=a) for a in (12.5, 7.25, 80.0)])
db.session.commit()
total = db.session.query(func.sum(Sale.amount)).scalar()
print(math.isclose(total, 99.75), math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1))
print(math.log10(1000), math.log(8, 2), round(math.log(math.e), 6), math.gcd(12, 18), gcd(0, 5), math.gcd(-4, 6))
print(math.inf, -inf, math.isinf(inf), math.isnan(math.nan), math.trunc(-3.7), math.fabs(-2), round(pi, 4))
print(math.ceil(total / 10), math.floor(total), abs(date(2024, 1, 1) - date(2024, 3, 1)), abs(timedelta(hours=-3)))
try:
    math.log10(0)
except ValueError as e:
    print(e)
