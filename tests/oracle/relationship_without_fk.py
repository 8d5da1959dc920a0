# Relationships over columns without a ForeignKey: primaryjoin with foreign_keys=, or
# with foreign() annotations (in a string, a lambda, an expression).
from sqlalchemy.orm import foreign, remote


class Customer(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    orders = db.relationship('Order', primaryjoin='Customer.id == Order.cust',
                             foreign_keys='[Order.cust]', backref='customer')
    notes = db.relationship('Note', primaryjoin='Customer.name == foreign(Note.author)',
                            order_by='Note.id')
    tickets = db.relationship('Ticket', primaryjoin=lambda: Customer.id == db.foreign(Ticket.owner),
                              viewonly=True)


class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    cust = db.Column('cust_ref', db.Integer)


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author = db.Column(db.String(20))


class Ticket(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner = db.Column(db.Integer)


class Node(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    parent_id = db.Column(db.Integer)
    children = db.relationship('Node', primaryjoin='Node.id == foreign(Node.parent_id)',
                               backref=db.backref('parent', remote_side='Node.id'))


db.create_all()
c = Customer(name='ann', orders=[Order(), Order()], notes=[Note(), Note()])
db.session.add(c)
db.session.add_all([Ticket(owner=1), Ticket(owner=2)])
root = Node(children=[Node(), Node()])
db.session.add(root)
db.session.commit()
db.session.expunge_all()
c = db.session.get(Customer, 1)
print([(o.id, o.cust) for o in c.orders], [n.author for n in c.notes], [t.id for t in c.tickets])
print(db.session.get(Order, 2).customer.name)
print(Customer.query.join(Customer.orders).filter(Order.id == 2).count())
print([(n.id, n.parent_id) for n in db.session.get(Node, 1).children], db.session.get(Node, 3).parent.id)
print(db.session.execute(text("SELECT sql FROM sqlite_master WHERE name = 'order'")).scalar())
