# session.new / dirty / deleted while a graph changes; save-update cascade in 2.0 (no backref cascade).
class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    customer = db.Column(db.String(30))
    lines = db.relationship('Line', backref='order', cascade='all, delete-orphan')

    def __repr__(self):
        return f'<Order {self.customer}>'


class Line(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    sku = db.Column(db.String(10))
    qty = db.Column(db.Integer, default=1)
    order_id = db.Column(db.Integer, db.ForeignKey('order.id'))


def state():
    return (sorted(type(o).__name__ for o in db.session.new),
            sorted(type(o).__name__ for o in db.session.dirty),
            sorted(type(o).__name__ for o in db.session.deleted))


db.create_all()
o = Order(customer='ann', lines=[Line(sku='A'), Line(sku='B')])
print(state())
db.session.add(o)
print(state(), len(db.session.new))
db.session.commit()
print(state())

l3 = Line(sku='C')
o.lines.append(l3)
print(state(), l3 in db.session)
l4 = Line(sku='D', order=o)
print(state(), l4 in db.session)
db.session.add(l4)
print(state())
o.lines[0].qty = 5
print(state(), db.session.is_modified(o), db.session.is_modified(o.lines[0]))
db.session.flush()
print(state(), [l.id for l in o.lines])

pending = Line(sku='E')
o.lines.append(pending)
o.lines.remove(pending)
print(pending in db.session, state())
dropped = o.lines[1]
o.lines.remove(dropped)
print(state(), dropped in db.session)
db.session.commit()
print(db.session.execute(text('SELECT id, sku, qty, order_id FROM line ORDER BY id')).all())

db.session.delete(o)
print(state(), [l in db.session.deleted for l in o.lines])
db.session.rollback()
print(state(), len(o.lines), o in db.session)
db.session.expunge(o)
print(o in db.session, [l in db.session for l in o.lines], len(db.session.identity_map))
