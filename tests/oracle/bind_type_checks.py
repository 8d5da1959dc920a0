# Bind processors of SQLite's Date/DateTime and of Boolean: type checks at flush
# (StatementError with e.orig), a date written into a DateTime column at midnight,
# comparisons taking the compared value's type (no check)
from decimal import Decimal
from sqlalchemy.exc import StatementError


class Sample(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    day = db.Column(db.Date)
    at = db.Column(db.DateTime)
    flag = db.Column(db.Boolean)


class Event(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    at = db.Column(db.DateTime)


db.create_all()
db.session.add(Sample(at=date(2024, 1, 2), day=datetime(2024, 3, 4, 5, 6)))
db.session.commit()
print(db.session.execute(text('SELECT day, at FROM sample')).one())
s = db.session.get(Sample, 1)
print(repr(s.at), repr(s.day))
print(Sample.query.filter(Sample.at >= datetime(2024, 1, 2)).count())
for kw in [dict(day='2024-01-02'), dict(at='2024-01-02 03:04'), dict(at=5), dict(flag='yes'),
           dict(flag=2), dict(flag=-1), dict(flag=2.5), dict(flag=1.0), dict(flag=0),
           dict(flag=Decimal(1)), dict(flag=True)]:
    try:
        obj = Sample(**kw)
        db.session.add(obj)
        db.session.commit()
        print(kw, 'stored', obj.flag)
    except StatementError as e:
        print(kw, type(e).__name__, type(e.orig).__name__, e.orig)
        try:
            db.session.add(Sample())
            db.session.flush()
        except Exception as e2:
            print(' ', type(e2).__name__)
        db.session.rollback()
try:
    db.session.add(Event(at='noon'))
    db.session.commit()
except StatementError as e:
    print(str(e))
    print(e.statement, e.params)
    db.session.rollback()
ev = Event(at=datetime(2024, 5, 6, 7, 8, 9))
db.session.add(ev)
db.session.commit()
ev.at = '2024-05-06'
try:
    db.session.commit()
except StatementError as e:
    print(str(e))
    db.session.rollback()
print(ev.at)
print(Sample.query.filter(Sample.day == '2024-03-04').count(), Sample.query.filter(Sample.flag == 'x').count())
print(Sample.query.filter(Sample.flag.in_([1, 3])).count(), Event.query.filter(Event.at > '2024').count())
ev.at = datetime(2024, 1, 1)
db.session.commit()
ev.at = 'later'
try:
    db.session.commit()
except StatementError as e:
    print(str(e).splitlines()[1:])
    db.session.rollback()
s2 = Sample(flag=True)
db.session.add(s2)
db.session.commit()
s2.day = 'x'
s2.flag = 'y'
try:
    db.session.commit()
except StatementError as e:
    print(type(e.orig).__name__, str(e).splitlines()[1])
    db.session.rollback()
print(s2.day, s2.flag)
