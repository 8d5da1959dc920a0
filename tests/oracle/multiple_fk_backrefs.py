# Two foreign keys to one table, each relationship given its foreign_keys= (backrefs follow),
# and a self-referential one-key table: no ambiguity.
class Person(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
class Letter(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    sender_id = db.Column(db.Integer, db.ForeignKey('person.id'))
    receiver_id = db.Column(db.Integer, db.ForeignKey('person.id'))
    sender = db.relationship('Person', foreign_keys=[sender_id], backref='sent')
    receiver = db.relationship('Person', foreign_keys='Letter.receiver_id', backref=db.backref('received', lazy='dynamic'))
class Node(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    parent_id = db.Column(db.Integer, db.ForeignKey('node.id'))
    children = db.relationship('Node', backref=db.backref('parent', remote_side=[id]))
db.create_all()
a, b = Person(name='a'), Person(name='b')
db.session.add(Letter(sender=a, receiver=b))
n = Node(children=[Node()])
db.session.add(n)
db.session.commit()
print(a.sent, b.received.all(), len(n.children), n.children[0].parent is n)
