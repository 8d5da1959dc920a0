class A(db.Model):
    __table_args__ = {'sqlite_autoincrement': True}
    id = db.Column(db.Integer, primary_key=True)
    code = db.Column(db.String(5), nullable=False, unique=True, comment='the code')
    price = db.Column(db.Float(precision=2), server_default='0.0')
    flag = db.Column(db.Boolean, nullable=False, server_default=db.false())
    at = db.Column(db.DateTime, server_default=db.func.now(), onupdate=db.func.now())
    big = db.Column(db.BigInteger, index=True)
    blob = db.Column(db.LargeBinary)
    t = db.Column(db.Time)
    u = db.Column(db.Unicode(20))
    ut = db.Column(db.UnicodeText)

class B(db.Model):
    id = db.Column(db.Integer, primary_key=True, autoincrement=False)
    a_code = db.Column(db.String(5), db.ForeignKey('a.code', onupdate='CASCADE', ondelete='SET NULL'))
    n = db.Column('number', db.Integer, db.CheckConstraint('number > 0'))
    __table_args__ = (db.Index('ix_b_multi', 'a_code', 'number', unique=True),)

db.create_all()
for (sql,) in db.session.execute(db.text("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")):
    print(sql)
db.session.add(A(code='x'))
db.session.commit()
a = A.query.first()
print(a.price, a.flag, type(a.at).__name__, a.blob)
db.session.add(B(id=5, a_code='x', n=3))
db.session.commit()
print(B.query.first().n, [c.name for c in B.__table__.c])
