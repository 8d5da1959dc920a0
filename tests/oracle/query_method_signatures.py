# Argument checks of the legacy Query, db.session and db methods: Python's TypeError words.
class Dog(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


db.create_all()
q = Dog.query
tests = [
    lambda: q.get(),
    lambda: q.get(1, 2),
    lambda: q.get_or_404(),
    lambda: q.get_or_404(1, 'x', 3),
    lambda: q.first(1),
    lambda: q.all(1),
    lambda: q.one(1),
    lambda: q.count(1),
    lambda: q.limit(),
    lambda: q.offset(),
    lambda: q.slice(1),
    lambda: q.slice(),
    lambda: q.first_or_404(1, 2),
    lambda: q.join(),
    lambda: q.update(),
    lambda: q.value(),
    lambda: q.first(x=1),
    lambda: q.limit(1, 2),
    lambda: q.delete(1, 2, 3),
    lambda: q.scalar(1),
    lambda: q.one_or_none(2),
    lambda: q.exists(1),
    lambda: q.paginate(1, 2),
    lambda: q.get(ident=1),
    lambda: q.limit(limit=2).all(),
    lambda: q.order_by(Dog.id).first(),
    lambda: db.session.get(Dog),
    lambda: db.session.add(),
    lambda: db.session.delete(),
    lambda: db.session.commit(1),
    lambda: db.session.refresh(),
    lambda: db.session.expunge(),
    lambda: db.session.scalars(),
    lambda: db.session.scalar(),
    lambda: db.get_or_404(Dog),
    lambda: db.first_or_404(),
    lambda: db.paginate(),
    lambda: db.session.query(),
    lambda: Dog.query.filter_by(1),
    lambda: q.distinct().all(),
    lambda: q.add_columns().all(),
    lambda: q.with_entities().all(),
]
for i, t in enumerate(tests):
    try:
        print(i, t())
    except Exception as e:
        print(i, type(e).__name__, e)
