# Relationship strings naming an attribute whose column has another name.
class Customer(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    orders = db.relationship('Order', order_by='Order.number.desc()', foreign_keys='Order.cust')
    staff = db.relationship('Emp', backref=db.backref('boss', order_by='Emp.name'),
                            order_by='Emp.name')


class Order(db.Model):
    number = db.Column('OrderNo', db.Integer, primary_key=True)
    cust = db.Column('CustRef', db.Integer, db.ForeignKey('customer.id'))


class Emp(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column('full_name', db.String(40))
    customer_id = db.Column(db.Integer, db.ForeignKey('customer.id'))


db.create_all()
db.session.add(Customer(orders=[Order(number=5), Order(number=9), Order(number=7)],
                        staff=[Emp(name='zed'), Emp(name='amy')]))
db.session.commit()
c = db.session.get(Customer, 1)
print(c.orders)
print([e.name for e in c.staff])
print(Order.query.filter_by(cust=1).count(), c.staff[0].boss.id)
print(db.session.execute(text('SELECT OrderNo, CustRef FROM "order" ORDER BY 1')).all())
