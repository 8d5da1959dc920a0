class A(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    bs = db.relationship('B', lazy='dynamic')
    cs = db.relationship('B', viewonly=True)
class B(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    a_id = db.Column(db.Integer, db.ForeignKey('a.id'))
db.create_all()
a = A(name='x'); db.session.add(a); db.session.commit()
for x in [A.query, db.select(A), A.bs, a.bs, a.cs, A.__table__, A.__table__.c, A.id == 1, text('x'), db.session, db, app, db.metadata, db.session.execute(db.select(A)).scalars(), db.session.execute(db.select(A)).mappings(), db.session.execute(db.select(A)).first(), A.query.paginate(page=1, per_page=2), db.paginate(db.select(A)), db.select(A).subquery(), db.inspect(a), db.inspect(A), db.session.identity_map, db.Index('ix', A.id), db.session.execute(text('select 1')), db.aliased(A), db.session.new, db.session.query(A.id).first(), A.id.type, A.name.type]:
    print(type(x))
res = db.session.execute(db.select(A.id, A.name))
print(res.keys(), res.__class__, res.__class__.__name__, type(res).__name__)
print(type(A.query.get), type(db.session.get), type(res.keys), type([].append), type(len))
print(db.select(A.id).where(A.name == 'x').subquery())
print(str(db.session.query(A.name).subquery()))
