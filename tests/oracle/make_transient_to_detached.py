class W(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))


db.create_all()
db.session.add(W(id=1, name='a'))
db.session.commit()
db.session.close()
w = W(id=1)
db.make_transient_to_detached(w)
i = db.inspect(w)
print(i.detached, i.identity, i.transient)
db.session.add(w)
print(i.persistent, w.name)
try:
    db.make_transient_to_detached(w)
except Exception as e:
    print(type(e).__name__, e)
v = db.session.get(W, 1)
print(v is w)
x = db.inspect(v).attrs.name
db.session.expire(v)
print(x.loaded_value, repr(x.loaded_value))
