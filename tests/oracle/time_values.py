# datetime.time values (dt.time(), time(...), Time columns), isoformat(sep=, timespec=),
# timedelta arithmetic with numbers
from datetime import time


class Shift(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    starts = db.Column(db.Time)
    ends = db.Column(db.Time)


dt = datetime(2024, 2, 28, 22, 45, 30, 123456)
print(dt.isoformat(sep=' '), dt.isoformat(timespec='seconds'), dt.isoformat(' ', 'minutes'))
print(dt.isoformat('T', 'milliseconds'), dt.isoformat(timespec='hours'))
try:
    dt.isoformat(timespec='days')
except ValueError as e:
    print('ValueError', e)
t = dt.time()
print(t, repr(t), t.hour, t.minute, t.second, t.microsecond, t.isoformat(timespec='minutes'))
print(repr(time(9, 30)), repr(time(9, 30, 5)), time(0, 0), time(hour=7, second=3), repr(time()))
print(time(9, 30) < time(10, 0), time(9, 30) == time(9, 30, 0), sorted([time(12, 1), time(8), time(8, 0, 0, 1)]))
print(time(13, 5).strftime('%I:%M %p'), time(9, 30).replace(minute=45), dt.replace(hour=10).time())
print(type(t).__name__, {time(1, 2): 'x'}[time(1, 2)])
for bad in [dict(hour=24), dict(minute=60), dict(microsecond=1000000)]:
    try:
        time(**bad)
    except ValueError as e:
        print('ValueError', e)
db.create_all()
db.session.add(Shift(starts=time(9, 30), ends=datetime(2024, 1, 1, 17, 0, 5, 250).time()))
db.session.commit()
db.session.expire_all()
s = Shift.query.first()
print(s.starts, s.ends, repr(s.ends), s.starts.strftime('%H:%M'))
print(db.session.execute(text('SELECT starts, ends FROM shift')).one())
print(Shift.query.filter(Shift.starts < time(10, 0)).count(), Shift.query.filter(Shift.ends > time(17, 1)).count())
d = timedelta(hours=3, minutes=20)
seven = timedelta(minutes=7)
print(d / 2, d / 3.0, d / seven, d % seven, d // 7, d // seven, d * 1.5, 0.5 * d, 2 * d)
print(timedelta(seconds=1) / 3, timedelta(days=1) * 0.1, -d // 3, timedelta(microseconds=5) / 2)
for f in [lambda: d / 0, lambda: d // 0, lambda: d % timedelta(0), lambda: d / 0.0]:
    try:
        f()
    except ZeroDivisionError as e:
        print('ZeroDivisionError', e)
