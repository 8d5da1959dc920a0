import enum
class Status(enum.Enum):
    ACTIVE = 'active'
    BANNED = 'banned'
class Color(enum.Enum):
    RED = 1
class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    s = db.Column(db.Enum(Status))
    e = db.Column(db.Enum('x', 'y', name='xy'))
db.create_all()
for kw in [dict(s=Status.ACTIVE), dict(s='BANNED'), dict(s='active'), dict(s=Color.RED), dict(s=3), dict(e='z'), dict(e=2.5), dict(e=None), dict(s='nope')]:
    try:
        db.session.add(T(**kw))
        db.session.commit()
        print('ok', kw)
    except Exception as ex:
        db.session.rollback()
        print(type(ex).__name__, str(ex).splitlines()[0])
try:
    print([t.s for t in T.query.order_by(T.id)])
except Exception as ex:
    print(type(ex).__name__, str(ex).splitlines()[0])
print(db.session.execute(text('select id, s, e from t')).all())
