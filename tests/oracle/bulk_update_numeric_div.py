from decimal import Decimal
class Acc(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    d = db.Column(db.Numeric(10, 2))

db.create_all()
a = Acc(d=Decimal('3.50'))
db.session.add(a)
db.session.commit()
print(a.d)
Acc.query.update({Acc.d: Acc.d / 2})
print(a.d)
print(db.session.query(Acc.d).scalar())
a.d = Decimal('3.50')
db.session.commit()
print(a.d)
Acc.query.update({Acc.d: Acc.d + 1})
print(a.d)
