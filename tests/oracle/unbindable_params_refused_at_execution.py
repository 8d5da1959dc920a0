from sqlalchemy import tuple_
class U(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
db.create_all()
db.session.add(U(name='a'))
db.session.commit()
for f in (lambda: U.query.filter_by(id=[1, 2]).all(), lambda: U.query.filter(U.name == {'a': 1}).first(),
          lambda: db.session.execute(db.select(U).where(U.id == (1,))).all()):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, type(e.orig).__name__ if hasattr(e, 'orig') else '-')
        print(e)
        db.session.rollback()
print(U.query.filter(tuple_(U.id, U.name) == (1, 'a')).all())
print(U.query.filter(tuple_(U.id, U.name).in_([(1, 'a'), (2, 'b')])).all())
print(db.session.execute(db.select(U.id).where(tuple_(U.id, U.name) != (1, 'a'))).all())
try:
    U.query.filter(U.id == (1, 2)).all()
except Exception as e:
    print(e)
    db.session.rollback()
try:
    U.query.filter(U.id.in_([[1], 2])).all()
except Exception as e:
    print(e)
    db.session.rollback()
try:
    db.session.execute(db.update(U).where(U.id == [1]).values(name='z'))
except Exception as e:
    print(e)
    db.session.rollback()
try:
    U.query.filter(U.name == ['a']).update({'name': 'q'})
except Exception as e:
    print(type(e).__name__, e)
    db.session.rollback()
print(U.query.order_by(U.id).all(), [u.name for u in U.query.all()])
