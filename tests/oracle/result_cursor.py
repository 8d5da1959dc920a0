# A result's rows are read as asked for, and the results derived from it (scalars(),
# mappings(), columns()) read from the same cursor; iterators resume after a break.
class P(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(9))
    qty = db.Column(db.Integer)

db.create_all()
db.session.add_all([P(name=n, qty=i) for i, n in enumerate('abcde', 1)])
db.session.commit()
res = db.session.scalars(select(P.name).order_by(P.id))
print(next(iter(res)), next(res), res.all())
res = db.session.execute(select(P.name).order_by(P.id))
for r in res:
    break
print(r, res.fetchone(), res.fetchmany(2), res.all())
res = db.session.execute(select(P.id, P.name).order_by(P.id))
print(res.mappings().fetchone(), res.mappings().fetchone(), res.fetchone())
print(res.scalars().all(), res.all())
res = db.session.execute(select(P.id, P.name, P.qty).order_by(P.id))
print(res.columns('name', P.qty).fetchone(), res.columns(1, 0).all(), res.keys())
try:
    res.columns(2)
except IndexError as e:
    print('IndexError', e)
print([list(p) for p in db.session.execute(select(P.name).order_by(P.id)).partitions(2)])
print(db.session.execute(select(P.name).order_by(P.id)).columns('name').scalars().all())
res = db.session.execute(select(P.name).order_by(P.id))
row = res.fetchone()
while row is not None:
    print(row.name, end=' ')
    row = res.fetchone()
print()
it = iter([1, 2, 3, 4])
for x in it:
    if x == 2:
        break
print(x, list(it))
gen = (p.name for p in P.query.order_by(P.id))
print(next(gen), [n for n in gen], next(gen, 'done'))
for r in db.session.execute(select(P.name).where(P.id > 3).order_by(P.id)):
    print(r.name)
