class U(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))

db.create_all()
db.session.add(U(name='a'))
db.session.commit()
row = db.session.execute(db.select(U.id, U.name)).one()
for k in ['zz', U.id, 0]:
    try:
        print(row._mapping[k])
    except Exception as e:
        print(type(e).__name__, e, isinstance(e, KeyError))
row = db.session.execute(db.text('select 1 as a')).one()
try:
    print(row._mapping['b'])
except KeyError as e:
    print(type(e).__name__, repr(e), e.args)
print(row._mapping.get('b'), 'b' in row._mapping, row._t, row.t, row._tuple())
rows = db.session.execute(db.select(U)).all()
try:
    print(rows[0]._mapping['x'])
except Exception as e:
    print(type(e).__name__, e)
m = db.session.execute(db.text('select 1 as a')).mappings().one()
try:
    print(m['b'])
except Exception as e:
    print(type(e).__name__, e)
