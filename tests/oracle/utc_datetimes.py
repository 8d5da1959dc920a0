from datetime import datetime, timezone, timedelta
import datetime as dtm
a = datetime.now(timezone.utc)
b = datetime(2024, 3, 1, 10, 30, tzinfo=timezone.utc)
print(repr(b), b, b.isoformat(), b.tzinfo, repr(timezone.utc), b.strftime('%Y %H:%M %z %Z'))
print(b + timedelta(hours=1), b - datetime(2024, 3, 1, tzinfo=timezone.utc))
print(b.replace(tzinfo=None), repr(b.replace(tzinfo=None)), datetime(2024,1,1).replace(tzinfo=timezone.utc))
print(dtm.timezone.utc, dtm.datetime(2020,1,1,tzinfo=dtm.timezone.utc) == datetime(2020,1,1,tzinfo=timezone.utc), datetime(2020,1,1) == datetime(2020,1,1,tzinfo=timezone.utc))
try:
    datetime(2020,1,1) < b
except TypeError as e:
    print('TypeError', e)
try:
    b - datetime(2020,1,1)
except TypeError as e:
    print('TypeError', e)
print(datetime.fromisoformat('2024-01-01T10:00:00+00:00'), type(a).__name__, a.tzinfo is timezone.utc)
class Ev(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    at = db.Column(db.DateTime)
db.create_all()
db.session.add(Ev(at=b))
db.session.commit()
e = db.session.get(Ev, 1)
print(repr(e.at), Ev.query.filter(Ev.at < datetime(2025,1,1, tzinfo=timezone.utc)).count())
