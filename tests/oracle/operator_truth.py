# Python's and/or return an operand without asking its truth; SQL operators have no
# reflected & and |; a table Column has no truth value.
class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    tier = db.Column(db.String(10))
for f in [lambda: 'vip' | T.tier, lambda: 100 & T.id, lambda: T.tier == 'vip' | T.tier == 'x', lambda: True | (T.id > 1)]:
    try:
        print(str(f()))
    except TypeError as e:
        print(type(e).__name__, e)

class Room(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    rate = db.Column(db.Integer)
min_rate = 100
print(str(min_rate and Room.rate >= min_rate))
print(str(0 or Room.rate < 50))
try:
    print(bool(Room.__table__.c.rate))
except TypeError as e:
    print(type(e).__name__, e)
