# Small library details: Declarative's reserved `metadata`, date/datetime ordering, PendingRollbackError.code.
from sqlalchemy.exc import IntegrityError

try:
    class Page(db.Model):
        id = db.Column(db.Integer, primary_key=True)
        metadata = db.Column(db.JSON)
    print('defined')
except Exception as e:
    print(type(e).__name__, e)
for a, b in [(date(2024, 1, 1), datetime(2024, 1, 1)), (datetime(2024, 1, 2), date(2024, 1, 1))]:
    try:
        print(a < b)
    except TypeError as e:
        print('TypeError', e)
print(date(2024, 1, 1) == datetime(2024, 1, 1), date(2024, 1, 1) != datetime(2024, 1, 1))


class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    v = db.Column(db.String(5), unique=True)


db.create_all()
db.session.add_all([T(v='x'), T(v='x')])
try:
    db.session.commit()
except IntegrityError as e:
    print(type(e).__name__, e.code)
try:
    T.query.all()
except Exception as e:
    print(type(e).__name__, e.code)
db.session.rollback()
print(T.query.count())
