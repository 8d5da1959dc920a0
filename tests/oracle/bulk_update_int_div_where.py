class Acc(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    n = db.Column(db.Integer)
    m = db.Column(db.Integer)

db.create_all()
a = Acc(n=2, m=0)
db.session.add(a)
db.session.commit()
print(a.m)
print(Acc.query.filter(Acc.n / 2 == 1).update({Acc.m: 3}))
print(a.m)
try:
    Acc.query.update({Acc.m: Acc.m / 0})
except Exception as e:
    print(type(e).__name__, e)
