from decimal import Decimal


class Customer(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(80), nullable=False)
    orders = db.relationship('Order', backref='customer', lazy=True, order_by='Order.id')


class Product(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    sku = db.Column(db.String(20), unique=True)
    price = db.Column(db.Numeric(10, 2), nullable=False)
    stock = db.Column(db.Integer, default=0)


class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    customer_id = db.Column(db.Integer, db.ForeignKey('customer.id'), nullable=False)
    status = db.Column(db.String(20), default='new')
    lines = db.relationship('OrderLine', backref='order', cascade='all, delete-orphan')

    @property
    def total(self):
        return sum((l.qty * l.product.price for l in self.lines), Decimal('0'))


class OrderLine(db.Model):
    __tablename__ = 'order_lines'
    id = db.Column(db.Integer, primary_key=True)
    order_id = db.Column(db.Integer, db.ForeignKey('order.id'), nullable=False)
    product_id = db.Column(db.Integer, db.ForeignKey('product.id'), nullable=False)
    qty = db.Column(db.Integer, nullable=False, default=1)
    product = db.relationship('Product')


db.create_all()
alice, bob = Customer(name='Alice'), Customer(name='Bob')
pen = Product(sku='PEN', price=Decimal('1.50'), stock=100)
book = Product(sku='BOOK', price=Decimal('12.99'), stock=10)
mug = Product(sku='MUG', price=Decimal('7.25'))
db.session.add_all([alice, bob, pen, book, mug])
o1 = Order(customer=alice, lines=[OrderLine(product=pen, qty=3), OrderLine(product=book)])
o2 = Order(customer=alice, status='paid', lines=[OrderLine(product=mug, qty=2)])
o3 = Order(customer=bob, lines=[OrderLine(product=book, qty=2), OrderLine(product=pen, qty=10)])
db.session.add_all([o1, o2, o3])
db.session.commit()
print([o.total for o in alice.orders], o3.total)
print(f'{o1.total:.2f}', f'{o3.total:>10}', str(o2.total))
q = (db.session.query(Customer.name, db.func.sum(OrderLine.qty * Product.price).label('spent'))
     .join(Order, Order.customer_id == Customer.id)
     .join(OrderLine, OrderLine.order_id == Order.id)
     .join(Product, Product.id == OrderLine.product_id)
     .group_by(Customer.name).order_by(db.desc('spent')))
for name, spent in q:
    print(name, spent, type(spent).__name__)
print(db.session.query(Product.sku, db.func.coalesce(db.func.sum(OrderLine.qty), 0))
      .outerjoin(OrderLine).group_by(Product.id).order_by(Product.sku).all())
print(db.session.query(Order.status, db.func.count(Order.id)).group_by(Order.status).having(db.func.count(Order.id) > 1).all())
print(Product.query.filter(Product.price.between(1, 10)).order_by(Product.price).all())
print(db.session.query(db.func.sum(Product.price * Product.stock)).scalar())
print(db.session.query(db.func.round(db.func.avg(Product.price), 2)).scalar())
o1.lines.remove(o1.lines[0])
db.session.commit()
print(OrderLine.query.count(), o1.total)
db.session.delete(o3)
db.session.commit()
print(OrderLine.query.count(), Order.query.count(), [l.qty for l in OrderLine.query.order_by(OrderLine.id)])
for p in Product.query.order_by(Product.id):
    p.stock -= 1
db.session.commit()
print([(p.sku, p.stock) for p in Product.query.order_by(Product.id)])
print(db.session.query(Product).filter(Product.stock < 0).first())
