# Parameters given to execute(text(...)) bind as pysqlite adapts them (no SQLAlchemy type):
# datetimes as isoformat(' '), dates as isoformat(), Decimal refused; bindparams() values are typed.
from decimal import Decimal
print(db.session.execute(text('SELECT :x, typeof(:x)'), {'x': datetime(2024, 1, 2, 3, 4, 5)}).one())
print(db.session.execute(text('SELECT :x'), {'x': datetime(2024, 1, 2, 3, 4, 5, 6)}).one())
print(db.session.execute(text('SELECT :x'), {'x': date(2024, 1, 2)}).one())
print(db.session.execute(text('SELECT :x, :y'), {'x': True, 'y': 2.5}).one())
db.session.execute(text('CREATE TABLE ev (id INTEGER PRIMARY KEY, at DATETIME)'))
db.session.execute(text('INSERT INTO ev (at) VALUES (:at)'), [{'at': datetime(2024, 5, 1, 12, 0)}, {'at': datetime(2024, 5, 2)}])
print(db.session.execute(text('SELECT at FROM ev')).all())
try:
    print(db.session.execute(text('SELECT :x'), {'x': Decimal('1.5')}).scalar())
except Exception as e:
    print(type(e).__name__, e.orig)
print(db.session.execute(text('SELECT :x').bindparams(x=datetime(2024, 1, 2))).one())
