class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    n = db.Column(db.Integer)


db.create_all()
db.session.add_all([T(n=3), T(n=9)])
db.session.commit()
print(db.session.query(T.n.between(1, 5)).order_by(T.id).all())
print(db.session.query(~T.n.between(1, 5), T.n > 4, db.between(T.n, 2, 4)).order_by(T.id).all())
print(db.session.execute(select(T.id, T.n.between(1, 5).label('small')).order_by(T.id)).all())
print(T.query.filter(T.n.between(1, 5)).count(), T.query.filter(~T.n.between(1, 5)).all())
row = db.session.execute(select(T.id, T.n).where(T.n == 9)).one()
print(row.index(9), row.count(9))
try:
    row.index(5)
except ValueError as e:
    print('ValueError', repr(str(e)))
