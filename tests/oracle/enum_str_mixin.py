import enum
class S(str, enum.Enum):
    A = 'a'
    B = 'b'
class I(enum.IntEnum):
    ONE = 1
class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    s = db.Column(db.String(10))
    e = db.Column(db.Enum('a', 'b'))
    n = db.Column(db.Enum('1', '2'))
db.create_all()
for kw in [dict(s=S.A), dict(e=S.B), dict(n=I.ONE), dict(e='a')]:
    try:
        db.session.add(T(**kw)); db.session.commit(); print('ok')
    except Exception as ex:
        db.session.rollback(); print(type(ex).__name__, str(ex).splitlines()[0])
print(db.session.execute(text('select s, e, n from t')).all())
print(T.query.filter(T.e == S.B).count(), T.query.filter(T.e == 'b').count())
