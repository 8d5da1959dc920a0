# session.get() with a dict identity: keyed by the primary key's attribute names.
class Seat(db.Model):
    row = db.Column(db.String(2), primary_key=True)
    num = db.Column("seat_no", db.Integer, primary_key=True)
    price = db.Column(db.Numeric(6, 2))
db.create_all()
db.session.add(Seat(row="A", num=3, price=12))
db.session.commit()
print(db.session.get(Seat, {"row": "A", "num": 3}).price)
print(db.session.get(Seat, ("A", 3)).price, db.session.get(Seat, {"row": "B", "num": 1}))
for ident in [{"row": "A", "seat_no": 3}, {"num": 3}, ("A",)]:
    try:
        db.session.get(Seat, ident)
    except Exception as e:
        print(type(e).__name__, e)
