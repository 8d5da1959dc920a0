# Setting a many-to-one or one-to-one reference on an expired object loads what it
# needs without an autoflush (pending objects stay pending); replacing a collection
# autoflushes.
class Customer(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    orders = db.relationship('Order', back_populates='customer')
    profile = db.relationship('Profile', back_populates='customer', uselist=False)


class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    customer_id = db.Column(db.Integer, db.ForeignKey('customer.id'))
    customer = db.relationship('Customer', back_populates='orders')


class Profile(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    bio = db.Column(db.String(50))
    customer_id = db.Column(db.Integer, db.ForeignKey('customer.id'), unique=True)
    customer = db.relationship('Customer', back_populates='profile')


db.create_all()
ann, bob = Customer(name='Ann'), Customer(name='Bob')
o = Order(customer=ann)
db.session.add_all([ann, bob, o])
db.session.commit()
p2 = Profile(bio='new')
bob.profile = p2
print(db.inspect(p2).pending, db.inspect(bob).persistent)
ann.profile = p2
print(db.inspect(p2).pending, bob.profile is p2, p2.customer.name)
o.customer = bob
print(db.inspect(p2).pending)
p3 = Profile(bio='three')
db.session.add(p3)
ann.orders = [Order()]
print(db.inspect(p3).pending, db.inspect(p2).persistent)
db.session.commit()
print([(x.bio, x.customer_id) for x in Profile.query.order_by(Profile.id)])
print([(x.id, x.customer_id) for x in Order.query.order_by(Order.id)])
