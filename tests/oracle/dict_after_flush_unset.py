# After a flush, a column the INSERT sent as NULL without its being set stays out of the
# object's __dict__ (read as None without a load), as do unloaded attributes' values.
class Guest(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), nullable=False)
    phone = db.Column(db.String(20))
    vip = db.Column(db.Boolean, default=False)
    notes = db.Column(db.Text)


def public(o):
    return {k: v for k, v in o.__dict__.items() if not k.startswith('_')}


db.create_all()
gs = [Guest(name='A'), Guest(name='B', phone='1'), Guest(name='C', notes=None)]
db.session.add_all(gs)
db.session.flush()
for g in gs:
    print(public(g))
ins = db.inspect(gs[0])
print(sorted(ins.unloaded))
print(ins.attrs.phone.loaded_value)
print(ins.attrs.phone.history)
print(gs[0].phone, 'phone' in gs[0].__dict__)
gs[1].notes = 'n'
print(public(gs[1]))
db.session.commit()
print(public(gs[0]))
print(gs[0].notes, sorted(public(gs[0])))
g = Guest(name='D')
db.session.add(g)
db.session.commit()
print(public(g))
print(Guest.query.filter(Guest.notes.is_(None)).count())
