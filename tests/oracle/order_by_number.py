# order_by()/group_by() of a number is refused (ArgumentError); a bool, a label name, None are taken.
class Shift(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    day = db.Column(db.String(10))


db.create_all()
for f in [lambda: Shift.query.order_by(1).all(), lambda: Shift.query.group_by(2).all(),
          lambda: db.session.execute(select(Shift).order_by(1)).all(),
          lambda: Shift.query.order_by(1.5).all(), lambda: Shift.query.order_by(True).all(),
          lambda: Shift.query.order_by('day').all(), lambda: Shift.query.order_by(None).all(),
          lambda: Shift.query.filter(1).all()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
