from sqlalchemy import inspect
class Foo:
    pass
for obj in (Foo(), Foo, 5, 'x', None):
    try:
        inspect(obj)
    except Exception as e:
        print(type(e).__name__, e)
class U(db.Model):
    id = db.Column(db.Integer, primary_key=True)
db.create_all()
s = db.session()
with s.begin():
    s.add(U())
print(s.in_transaction(), U.query.count(), s.in_transaction())
try:
    with s.begin():
        pass
except Exception as e:
    print(type(e).__name__, e)
s.rollback()
with s.begin():
    s.add(U())
with s.begin():
    u = s.get(U, 1)
    print(u.id)
print(U.query.count())
