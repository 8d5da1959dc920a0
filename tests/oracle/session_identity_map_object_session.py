class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)


db.create_all()
t = T()
db.session.add(t)
db.session.flush()
print(db.session.identity_map[db.inspect(t).key] is t)
class E2(db.Model):
    id = db.Column(db.Integer, primary_key=True)
db.create_all()
nested = db.session.begin_nested()
print(nested.is_active)
class L(db.Model):
    id = db.Column(db.Integer, primary_key=True)


db.create_all()
x = L()
db.session.add(x)
print(db.session.object_session(x) is db.session())
from sqlalchemy.exc import IntegrityError


class V(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(5), nullable=False)


db.create_all()
db.session.add(V())
try:
    db.session.commit()
except IntegrityError as e:
    print(e.connection_invalidated)
db.session.rollback()
n2 = db.session.begin_nested()
n2.commit()
print(n2.is_active, db.session.object_session(L()))
try:
    db.session.identity_map[(T, (999,), None)]
except KeyError as e:
    print("KeyError")
try:
    db.session.object_session(5)
except Exception as e:
    print(type(e).__name__, e)
