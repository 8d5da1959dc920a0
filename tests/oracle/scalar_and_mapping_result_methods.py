class P(db.Model):
    id = db.Column(db.Integer, primary_key=True)
db.create_all()
db.session.add_all([P(), P()])
db.session.commit()
names = ['scalar', 'scalar_one', 'scalar_one_or_none', 'fetchone', 'fetchmany', 'fetchall', 'keys', 'tuples', 'mappings', 'scalars', 'columns', 'unique', 'partitions', 'first', 'one', 'one_or_none', 'all', 'close', 'yield_per', 't', 'freeze', 'splice_horizontally', 'closed', 'returns_rows', 'rowcount', 'merge', 'raw']
for kind in ('scalars', 'mappings'):
    r = getattr(db.session.execute(db.select(P)), kind)()
    print(kind, type(r).__name__, [n for n in names if hasattr(r, n)])
r = db.session.execute(db.select(P))
print(r.closed, r.first(), r.closed)
try:
    print(db.session.scalars(db.select(P)).scalar_one())
except AttributeError as e:
    print(type(e).__name__, e)
result = db.session.execute(db.select(P))
print(result.scalars().first())
try:
    print(result.scalars().all())
except Exception as e:
    print(type(e).__name__, e)
try:
    for x in result:
        print(x)
except Exception as e:
    print(type(e).__name__, e)
result = db.session.execute(db.select(P))
print(result.mappings().one_or_none() if False else result.mappings().fetchone())
print(result.all())
