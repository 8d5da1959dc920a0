# Required parameters given by keyword (offset(offset=), session.get(T, ident=), fetchmany(size=)...).
class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    v = db.Column(db.Integer, default=0)
db.create_all()
db.session.add_all([T() for _ in range(4)]); db.session.commit()
# silently ignored keyword arguments
print(T.query.order_by(T.id).offset(offset=2).all())
print(db.session.scalars(select(T.id).order_by(T.id).limit(limit=1)).all())
print(db.session.scalars(select(T.id).order_by(T.id).offset(offset=3)).all())
print(db.session.get(T, ident=2))
try:
    print(T.query.get_or_404(ident=3))
except Exception as e:
    print(type(e).__name__)
# keyword arguments rejected
for f in [lambda: T.query.order_by(T.id).slice(start=1, stop=2).all(), lambda: func.count().label(name='n').name,
          lambda: db.session.scalar(statement=select(T.id).order_by(T.id)), lambda: db.get_or_404(entity=T, ident=1),
          lambda: T.query.filter_by(id=4).update(values={'v': 1}), lambda: db.paginate(select=select(T), per_page=1).total]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
q = text('SELECT 1 AS a, 10 AS b UNION ALL SELECT 2, 20 UNION ALL SELECT 3, 30')
print(db.session.execute(q).fetchmany(size=2))
print(db.session.execute(q).scalars().fetchmany(size=2))
print(db.session.execute(q).scalars(index=1).all())
print(list(db.session.execute(q).partitions(size=2)))
