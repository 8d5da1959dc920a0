from decimal import Decimal
class R(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    level = db.Column(db.Float)
    price = db.Column(db.Numeric(8, 2))
db.create_all()
db.session.add(R(level='12.5', price=' 3.25 '))
db.session.commit()
r = R.query.first()
print(repr(r.level), repr(r.price))
for bad in ['n/a', '']:
    try:
        db.session.add(R(level=bad))
        db.session.commit()
    except Exception as e:
        db.session.rollback()
        print(type(e).__name__, str(e).split('\n')[0], type(e.orig).__name__)
try:
    db.session.add(R(price='x'))
    db.session.commit()
except Exception as e:
    db.session.rollback()
    print(type(e).__name__, str(e).split('\n')[0])
print(R.query.count())
