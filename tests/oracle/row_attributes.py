# A Row's attributes as SQLAlchemy 2.0 has them: columns, `t`/`_t`/`_data`/`tuple()`/
# `_tuple()`, `_fields`, `_asdict()`, `_mapping`; no `keys()`/`values()`/`items()` (those
# are the mapping's), and an unknown attribute raises AttributeError naming it.
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


db.create_all()
db.session.add_all([User(name='a'), User(name='b')])
db.session.commit()
r = db.session.execute(select(User.id, User.name)).first()
print(r._fields, r._asdict(), r._mapping['name'], r.count(1), r.index('a'))
print(r.t, r._t, r._data, r.tuple(), r._tuple())
print(list(r._mapping.keys()), dict(r._mapping), r._mapping.get('id'), list(r._mapping.items()))
for a in ['foo', 'keys', 'values', 'items', '_fields']:
    try:
        print(a, getattr(r, a))
    except AttributeError as e:
        print('AttributeError', a, e)
q = db.session.query(User.id, User.name).order_by(User.id.desc()).first()
for a in ['name', 'bar', 'keys', 't']:
    try:
        print(a, getattr(q, a))
    except AttributeError as e:
        print('AttributeError', a, e)
print(db.session.query(func.count(User.id), func.upper(User.name)).first()._fields)
print(db.session.execute(select(func.count(User.id), func.max(User.name), User.name.label('n'))).first()._fields)
