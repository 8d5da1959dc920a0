class M(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    x = db.Column(db.Double)
    y = db.Column(db.DOUBLE)
    z = db.Column(db.DOUBLE_PRECISION)
    w = db.Column(db.REAL)


db.create_all()
print(db.session.execute(text("SELECT sql FROM sqlite_master WHERE name = 'm'")).scalar())
print([(c.name, repr(c.type), type(c.type).__name__) for c in M.__table__.columns if c.name != 'y'])
db.session.add(M(x=1.5, y=2, z=3.25, w=4))
db.session.commit()
m = db.session.get(M, 1)
print(m.x, m.y, m.z, m.w)
print(isinstance(M.x.type, db.Float), isinstance(M.y.type, db.Float), isinstance(M.x.type, db.Numeric))
