# A nested SELECT whose tables are all the enclosing query's: auto-correlation leaves it
# no FROM, which SQLAlchemy refuses; correlate(None) or correlate_except() keep them.
class Q(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class C(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    q_id = db.Column(db.Integer, db.ForeignKey('q.id'))
    votes = db.Column(db.Integer)


db.create_all()
db.session.add_all([Q(id=1), Q(id=2), C(q_id=1, votes=3), C(q_id=1, votes=5), C(q_id=2, votes=1)])
db.session.commit()
sub = db.session.query(func.max(C.votes)).filter(C.q_id == Q.id).scalar_subquery()
try:
    print(db.session.query(Q.id, C.votes).join(C).filter(C.votes == sub).all())
except Exception as e:
    print(type(e).__name__, str(e)[:16], str(e)[-80:])
stmt = select(Q.id, C.votes).join(C, C.q_id == Q.id).where(C.votes == select(func.max(C.votes)).where(C.q_id == Q.id).scalar_subquery())
for f in (lambda: db.session.execute(stmt).all(), lambda: str(stmt)):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__)
ok = select(Q.id, C.votes).join(C, C.q_id == Q.id).where(
    C.votes == select(func.max(C.votes)).where(C.q_id == Q.id).correlate_except(C).scalar_subquery()).order_by(Q.id)
print(db.session.execute(ok).all())
print(ok)
one = select(Q.id).where(select(C.id).where(C.q_id == Q.id).exists()).order_by(Q.id)
print(db.session.execute(one).all())
ex = select(Q.id).join(C, C.q_id == Q.id).where(db.exists().where(C.q_id == Q.id, C.votes > 2))
try:
    print(db.session.execute(ex).all())
except Exception as e:
    print(type(e).__name__)
off = select(Q.id, C.votes).join(C, C.q_id == Q.id).where(
    C.votes == select(func.max(C.votes)).where(C.q_id == Q.id).correlate(None).scalar_subquery())
print(db.session.execute(off).all())
