class Acc(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    n = db.Column(db.Integer)
db.create_all()
a = Acc(n=12)
db.session.add(a); db.session.commit()
print(a.n)
Acc.query.update({Acc.n: (Acc.n + 1) // 5})
print(a.n)
