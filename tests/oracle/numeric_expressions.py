class Order(db.Model):
    __tablename__ = 'orders'
    id = db.Column(db.Integer, primary_key=True)
    customer = db.Column(db.String(20), nullable=False)
    status = db.Column(db.String(10), default='new')
    total = db.Column(db.Numeric(8, 2), default=0)
    lines = db.relationship('Line', backref='order', cascade='all, delete-orphan', lazy='selectin')

class Line(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    order_id = db.Column(db.Integer, db.ForeignKey('orders.id'), nullable=False)
    sku = db.Column(db.String(10))
    qty = db.Column(db.Integer, default=1)
    price = db.Column(db.Numeric(8, 2))

db.create_all()
from decimal import Decimal
o = Order(customer='ann', lines=[Line(sku='a', qty=2, price=Decimal('1.50')), Line(sku='b', price=Decimal('10'))])
db.session.add(o)
db.session.flush()
o.total = sum(l.qty * l.price for l in o.lines)
db.session.commit()
print(o.total, o.status, [(l.sku, l.qty) for l in o.lines])
orders = Order.query.all()
print([len(x.lines) for x in orders])
o.lines[0].qty += 3
print(db.session.dirty)
db.session.commit()
print(Line.query.filter_by(sku='a').one().qty)
q = db.session.query(Order.customer, func.sum(Line.qty * Line.price).label('value')).join(Line).group_by(Order.id)
print(q.all(), [str(r.value) for r in q])
o.lines = [l for l in o.lines if l.sku != 'b']
db.session.commit()
print(Line.query.count(), o.status)
Order.query.filter_by(status='new').update({'status': 'paid'}, synchronize_session='fetch')
print(o.status)
db.session.commit()
print(Order.query.filter(Order.status.in_(['paid', 'void'])).count())
db.session.delete(o)
db.session.commit()
print(Line.query.count(), Order.query.count())
