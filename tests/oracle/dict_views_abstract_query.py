# A dict's keys and items views compare as sets; .query of an abstract model is refused;
# a RowMapping holds its keys.
class Base(db.Model):
    __abstract__ = True
    id = db.Column(db.Integer, primary_key=True)


class Thing(Base):
    name = db.Column(db.String(10))


db.create_all()
db.session.add(Thing(name='a'))
db.session.commit()
d = {'id': 1, 'name': 'x'}
print(d.keys() >= {'id'}, d.keys() <= {'id', 'name', 'z'}, d.keys() > {'id'}, d.keys() < d.keys())
print({'id'} <= d.keys(), d.keys().isdisjoint({'z'}), d.items() >= {('id', 1)}, d.keys() == {'id', 'name'})
try:
    Base.query
except Exception as e:
    print(type(e).__name__, e)
m = db.session.execute(select(Thing.name)).one()._mapping
print("name" in m, m[Thing.name])
