print(date.fromordinal(738522), datetime.fromordinal(738522), date(2024, 1, 1).toordinal())
print(datetime.utcfromtimestamp(86400), datetime.utcfromtimestamp(1700000000.25), date.fromtimestamp(0))
print(datetime.fromtimestamp(1234567890), datetime.utcfromtimestamp(-1.5))
print(date.fromisocalendar(2024, 1, 1), date.fromisocalendar(2020, 53, 7), datetime.fromisocalendar(2023, 10, 3))
print(date(2024, 3, 15).isocalendar(), date.fromisocalendar(*date(2024, 3, 15).isocalendar()))
for args in [(2023, 53, 1), (2024, 1, 8), (0, 1, 1)]:
    try:
        print(date.fromisocalendar(*args))
    except ValueError as e:
        print("ValueError", e)
print(timedelta.max, timedelta.min, timedelta.resolution, date.resolution, datetime.resolution)
print(repr(timedelta.max), repr(timedelta.min))
try:
    date.fromordinal(0)
except Exception as e:
    print(type(e).__name__, e)
class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)

class Plain:
    pass

db.create_all()
for v in [None, "x", 5, Plain(), Item]:
    try:
        print(v in db.session)
    except Exception as e:
        print(type(e).__name__, e)
print(Item() in db.session)
row = db.session.execute(db.select(db.literal(1).label('a'))).one()
for name in ['a', 'b']:
    try:
        setattr(row, name, 5)
    except AttributeError as e:
        print(e)
