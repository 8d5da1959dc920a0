class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    a = db.Column(db.Integer)


db.create_all()
db.session.add(T(a=7))
db.session.commit()
print(select(db.cast(T.a, db.String)))
r = db.session.execute(select(db.cast(T.a, db.String), T.id.cast(db.Float))).first()
print(r._fields, r)
print(db.session.query(db.cast(T.a, db.String)).first()._fields)
print(db.session.query(T.id, db.cast(T.a, db.String)).first()._fields)
print(T.query.with_for_update().filter_by(id=1).one().a)
print(db.session.execute(select(T.id).where(T.id == 1).with_for_update()).all())
