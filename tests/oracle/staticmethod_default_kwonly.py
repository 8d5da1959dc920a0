import json
class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    @staticmethod
    def make_ref():
        return 'R-1'
    ref = db.Column(db.String(20), default=make_ref)
db.create_all()
db.session.add(Order())
db.session.commit()
print(Order.query.first().ref)
class Ticket(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    @staticmethod
    def stamp(context):
        return 'T-' + str(context.get_current_parameters()['seq'])
    seq = db.Column(db.Integer)
    code = db.Column(db.String(20), default=stamp, onupdate=stamp)
db.create_all()
t = Ticket(seq=4)
db.session.add(t)
db.session.commit()
t.seq = 5
db.session.commit()
print(t.code)
def level_up(player, by=1, *, notify):
    return notify
for args in [('p', 1, 2), ('p', 1, 2, 3)]:
    try:
        level_up(*args, notify=True)
    except TypeError as e:
        print(e)
def one(a, *, b, c=1):
    return a
try:
    one(1, 2, b=1, c=2)
except TypeError as e:
    print(e)
try:
    one(1, 2)
except TypeError as e:
    print(e)
print(json.dumps({'ok': 1, (1, 2): 'tuple', 'n': None}, skipkeys=True))
print(json.dumps({'a': {(1,): 2, 'b': [1, {None: 1, 2.5: 3, (): 4}]}}, skipkeys=True, sort_keys=False))
