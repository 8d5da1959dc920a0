class P(db.Model):
    id = db.Column(db.Integer, primary_key=True)

db.create_all()
db.session.add_all([P() for _ in range(5)])
db.session.commit()
q = P.query.order_by(P.id)
per_page = 4 / 2
print(q.limit(per_page).all(), q.offset(2.0).limit('2').all())
print(q.slice(1, None).all())
print(q.slice(None, 2).all())
print(q.slice(3, 1).all())
print(q.slice(None, None).all())
print(q.offset(1).slice(1, 3).all())
print(db.session.execute(db.select(P.id).order_by(P.id).slice(2, 4)).scalars().all())
print(db.session.execute(db.select(P.id).order_by(P.id).limit(3.9)).scalars().all())
