class A(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))


db.create_all()
db.session.add_all([A(name='x'), A(name='y')])
db.session.commit()
q = select(A.name).where(A.id == 1).union(select(A.name).where(A.id == 2))
print(q)
print(db.session.execute(q).all())
q = select(A.name.label('who')).where(A.id == 1).union_all(select(A.name).where(A.id == 2))
print(db.session.execute(q).all())
