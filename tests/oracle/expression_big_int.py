# An int beyond 64 bits in an expression: the expression builds, renders as a placeholder
# or a literal, and running it raises the driver's OverflowError.
class N(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    f = db.Column(db.Float)
    m = db.Column(db.Numeric(30, 2))


db.create_all()
db.session.add(N(f=1.5, m=2))
db.session.commit()
cond = N.f == 10**20
print(cond)
print(select(N.id).where(cond).compile(compile_kwargs={'literal_binds': True}))
for e in [cond, N.m == 10**20, N.id == -2**70, N.f.in_([1, 10**20]), N.id.between(1, 2**64)]:
    try:
        print(db.session.execute(select(N.id).where(e)).all())
    except Exception as ex:
        print(type(ex).__name__, ex)
print(N.query.filter(N.id == 1).all())
