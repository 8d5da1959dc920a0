class Lamp(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    color = db.Column(db.String(10))
class Pair(db.Model):
    a = db.Column(db.Integer, primary_key=True)
    b = db.Column(db.Integer, primary_key=True)
    note = db.Column(db.String(10))
db.create_all()
x = Lamp(color='red')
y = Lamp(color='blue')
db.session.add_all([x, y])
db.session.commit()
x.id = 50
db.session.commit()
print(db.session.get(Lamp, 50) is x, db.session.get(Lamp, 1), x.color)
print(db.inspect(x).identity, db.inspect(x).identity_key)
print(Lamp.query.order_by(Lamp.id).all())
p = Pair(a=1, b=2, note='n')
db.session.add(p)
db.session.commit()
p.b = 3
db.session.flush()
print(db.session.get(Pair, (1, 3)) is p, db.session.get(Pair, (1, 2)), db.inspect(p).identity)
y.id = 7
db.session.commit()
print([l.id for l in Lamp.query.order_by(Lamp.id)])
print(db.session.get(Lamp, 7).color)
