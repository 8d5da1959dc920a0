# exists().label(), a window function as the only column (its FROM from the OVER clause),
# and floor() as SQLAlchemy's pysqlite registers it (Python's math.floor: an int).
from sqlalchemy import exists
class C(db.Model):
    id = db.Column(db.Integer, primary_key=True)
class O(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    c_id = db.Column(db.Integer)
db.create_all()
db.session.add_all([C(id=1), C(id=2), O(c_id=1)])
db.session.commit()
e = exists().where(O.c_id == C.id).label('has_o')
print(str(select(C.id, e)))
print(db.session.execute(select(C.id, e).order_by(C.id)).all())
class S(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    pts = db.Column(db.Integer)
db.create_all()
db.session.add_all([S(pts=5), S(pts=9)])
db.session.commit()
stmt = select(func.rank().over(order_by=S.pts.desc()))
print(str(stmt))
print(db.session.execute(stmt).scalars().all())
print(db.session.query(func.row_number().over(order_by=S.pts)).all())
class R(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    v = db.Column(db.Float)
    n = db.Column(db.Integer)
db.create_all()
db.session.add_all([R(v=2.5, n=7), R(v=-1.5, n=-7), R(v=None, n=3)])
db.session.commit()
print(db.session.query(R.n // 2, func.typeof(R.n // 2), R.v // 1).filter(R.v != None).order_by(R.id).all())
print(db.session.query(func.floor(R.n / 2.0)).order_by(R.id).all())
try:
    print(db.session.query(func.floor(R.v)).order_by(R.id).all())
except Exception as e:
    print(type(e).__name__, e.orig)
