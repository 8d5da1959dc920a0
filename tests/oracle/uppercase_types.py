# The uppercase types (INTEGER, VARCHAR, DATE...) are classes of their own: repr() and
# type().__name__ show them; their DDL and behaviour are their generic types'.
from decimal import Decimal
class Reading(db.Model):
    id = db.Column(db.INTEGER, primary_key=True)
    label = db.Column(db.VARCHAR(20), nullable=False)
    taken = db.Column(db.DATE)
    ok = db.Column(db.BOOLEAN, default=True)
    big = db.Column(db.BIGINT)
    raw = db.Column(db.BLOB)
    note = db.Column(db.TEXT)
    at = db.Column(db.DATETIME)
    amount = db.Column(db.NUMERIC(8, 2))
    small = db.Column(db.SMALLINT)


db.create_all()
print([repr(c.type) for c in Reading.__table__.c])
print(type(Reading.__table__.c.label.type).__name__, isinstance(Reading.label.type, db.String))
print(repr(Reading.amount.type), Reading.label.type.length, Reading.id.type)
print(db.session.execute(text("SELECT sql FROM sqlite_master WHERE name='reading'")).scalar())
db.session.add(Reading(label='t', taken=date(2024, 5, 1), big=2**40, amount=Decimal('3.5'),
                       at=datetime(2024, 5, 1, 8, 30)))
db.session.commit()
r = Reading.query.one()
print(r.id, r.label, r.taken, r.ok, r.big, r.amount, r.at)
print(repr(db.VARCHAR(5)), repr(db.INTEGER()), db.TEXT().__class__.__name__)
