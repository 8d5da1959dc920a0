# An integer typed Float stays an int (SQLAlchemy's Float has no result processor on SQLite).
class R(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    v = db.Column(db.Float, nullable=True)
db.create_all()
db.session.add_all([R(v=2.5), R(v=None)])
db.session.commit()
print(db.session.query(func.coalesce(R.v, 0)).order_by(R.id).all())
print(db.session.query(func.coalesce(R.v, 0) * 100).order_by(R.id).all())
print(db.session.query(func.max(R.v, 10)).order_by(R.id).all())
print(db.session.query(R.v + 1).order_by(R.id).all())
