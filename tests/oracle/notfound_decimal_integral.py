from decimal import Decimal
from flask import abort


class Ticket(db.Model):
    id = db.Column(db.Integer, primary_key=True)


db.create_all()
for call in [lambda: Ticket.query.get_or_404(7, description='Ticket <7> & "co"\nnot here'),
             lambda: db.get_or_404(Ticket, 8),
             lambda: abort(404),
             lambda: abort(404, 'gone for good')]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e.code, repr(e.description))
        print(e.get_description())
        print(str(e))
for s in ['12.30', '2.5', '3.5', '-2.5', '1E+2', '0.999', '-0.4', '7']:
    print(s, repr(Decimal(s).to_integral_value()), Decimal(s).to_integral_value('ROUND_HALF_UP'), Decimal(s).to_integral('ROUND_FLOOR'))
print(Decimal('12.30').to_integral_value(rounding='ROUND_CEILING'))
