class W(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
db.create_all()
db.session.add_all([W(name=n) for n in ['a', 'b', 'c', 'd']])
db.session.commit()
res = db.session.scalars(select(W.id).order_by(W.id))
print(2 in res, res.all())
res = db.session.execute(select(W.name).order_by(W.id))
for i, row in enumerate(res):
    print(i, row.name)
    if i == 1:
        break
print(res.fetchone(), res.all())
users = W.query.order_by(W.id).all()
for u in users:
    if u.name in ('b', 'c'):
        users.remove(u)
print(users)
