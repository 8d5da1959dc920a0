from decimal import Decimal
class P(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    qty = db.Column(db.Integer)
    code = db.Column(db.String(10))
    when = db.Column(db.String(30))
db.create_all()
p = P(qty=1, code='a', when=datetime(2024, 5, 6, 7, 8, 9, 120))
db.session.add(p)
db.session.commit()
print(db.session.execute(text('SELECT "when" FROM p')).scalar(), p.when)
p.qty = p.qty * Decimal('2.5')
try:
    db.session.commit()
except Exception as e:
    print(type(e).__name__, e)
    db.session.rollback()
db.session.add_all([P(qty=Decimal('2'))])
try:
    db.session.flush()
except Exception as e:
    print(type(e).__name__, e)
    db.session.rollback()
print(P.query.filter(P.qty < Decimal('2.5')).count())
try:
    db.session.execute(db.update(P).values(qty=Decimal('7')))
except Exception as e:
    print(type(e).__name__, e.orig)
print(P.query.count())
