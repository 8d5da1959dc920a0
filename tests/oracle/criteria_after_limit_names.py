class U(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    ps = db.relationship('P')
class P(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    u_id = db.Column(db.ForeignKey('u.id'))
try:
    U.query.limit(1).outerjoin(U.ps)
except Exception as e:
    print(e)
try:
    U.query.limit(1).where(U.id == 1)
    print('no error')
except Exception as e:
    print(e)
