# with_parent() refuses a relationship named by a string (SQLAlchemy 2.0); a result's
# is_insert is a property.
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    sent = db.relationship('Message', foreign_keys='Message.sender_id', backref='sender')
    received = db.relationship('Message', foreign_keys='Message.recipient_id', backref='recipient')


class Message(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    sender_id = db.Column(db.Integer, db.ForeignKey('user.id'))
    recipient_id = db.Column(db.Integer, db.ForeignKey('user.id'))


db.create_all()
a, b = User(), User()
db.session.add_all([a, b, Message(sender=a, recipient=b), Message(sender=b, recipient=a),
                    Message(sender=b, recipient=a)])
db.session.commit()
print([m.id for m in Message.query.with_parent(b, User.received).order_by(Message.id)])
print([m.id for m in Message.query.with_parent(b, User.sent).order_by(Message.id)])
for rel in ['received', 'sent']:
    try:
        print([m.id for m in Message.query.with_parent(b, rel).order_by(Message.id)])
    except Exception as e:
        print(type(e).__name__, e)
t = db.Table('t', db.Column('id', db.Integer, primary_key=True), db.Column('v', db.Integer))
db.create_all()
r = db.session.execute(t.insert(), [{'v': 1}, {'v': 2}])
print(r.is_insert, r.rowcount)
r = db.session.execute(t.insert().values(v=3))
print(r.is_insert, r.inserted_primary_key)
r = db.session.execute(t.update().where(t.c.v == 3).values(v=4))
print(r.is_insert, r.rowcount)
print(db.session.execute(db.select(t)).is_insert)
