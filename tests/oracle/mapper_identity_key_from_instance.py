# Mapper.identity_key_from_instance() / primary_key_from_instance(); datetime.toordinal();
# getattr()'s message for a non-string name.
from datetime import datetime


class Recipe(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    made = db.Column(db.DateTime)


db.create_all()
r = Recipe(title='soup', made=datetime(2024, 3, 9, 14, 5))
db.session.add(r)
db.session.commit()
m = db.inspect(Recipe)
print(m.identity_key_from_instance(r), m.primary_key_from_instance(r))
print(db.inspect(r).key == m.identity_key_from_instance(r))
print(r.made.toordinal(), r.made.date().toordinal(), datetime(1, 1, 1).toordinal())
for bad in [5, None, ['x']]:
    try:
        getattr(r, bad)
    except TypeError as e:
        print(e)
print(getattr(r, 'title'), getattr(r, 'nope', 'default'))
t = Recipe(id=7)
print(m.identity_key_from_instance(t), m.primary_key_from_instance(Recipe()))
r.id = 99
print(m.identity_key_from_instance(r), db.inspect(r).key)
