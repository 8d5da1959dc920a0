class B(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    y = db.Column(db.Integer)
db.create_all()
db.session.add(B(y=3)); db.session.commit()
r = db.session.query(B.y, func.min(B.y), func.count(B.id).label('n'), B.y + 1).one()
print(r._fields, r._asdict(), r._mapping.keys())
r2 = db.session.execute(db.select(B.y, func.min(B.y), B.y + 1)).one()
print(r2._fields, r2._asdict(), list(r2._mapping.keys()))
