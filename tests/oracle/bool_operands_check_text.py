class R(db.Model):
    __table_args__ = (db.CheckConstraint(db.text("kind IN ('a', 'b')"), name='kind_ab'),
                      db.CheckConstraint('n >= 0'))
    id = db.Column(db.Integer, primary_key=True)
    n = db.Column(db.Integer)
    b = db.Column(db.Boolean)
    c = db.Column(db.Boolean)
    kind = db.Column(db.String(1))


db.create_all()
print(db.session.execute(text("SELECT sql FROM sqlite_master WHERE name='r'")).scalar())
db.session.add_all([R(n=1, b=True, c=False, kind='a'), R(n=2, b=True, c=True, kind='b'),
                    R(n=3, b=False, c=True, kind='a')])
db.session.commit()
print(R.query.filter(R.b & (R.n > 1)))
print([r.n for r in R.query.filter(R.b & (R.n > 1))])
print([r.n for r in R.query.filter(R.b | R.c).order_by(R.n)])
print([r.n for r in R.query.filter(R.b & R.c)])
print([r.n for r in db.session.scalars(db.select(R).where((R.n < 3) & ~R.c))])
print(db.select(R.n).where(R.c | (R.n == 1)))
try:
    db.session.add(R(n=4, kind='z'))
    db.session.commit()
except Exception as e:
    db.session.rollback()
    print(type(e).__name__, e.orig)
print(db.session.execute(text("SELECT x'41' LIKE 'A', 'abc' LIKE 'A%'")).all())
