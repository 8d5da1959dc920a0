# A relationship's cascade (CascadeOptions): its repr, flags, membership and set behaviour.
class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    lines = db.relationship('Line', backref=db.backref('order'), cascade='all, delete-orphan')
    notes = db.relationship('Note', cascade='save-update')


class Line(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    order_id = db.Column(db.ForeignKey('order.id'))


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    order_id = db.Column(db.ForeignKey('order.id'))


c = Order.lines.property.cascade
print(c, repr(Line.order.property.cascade), Order.notes.property.cascade, type(c).__name__)
print(sorted(c), 'delete' in c, 'delete' in Order.notes.property.cascade, len(c), len(Line.order.property.cascade))
print(c.delete, c.delete_orphan, c.save_update, c.merge, c.expunge, c.refresh_expire)
print(Line.order.property.cascade.delete, Order.notes.property.cascade.merge)
print(c == {'delete', 'delete-orphan', 'expunge', 'merge', 'refresh-expire', 'save-update'}, c == {'delete'})
print(sorted(c - {'merge', 'expunge'}), c.issuperset({'delete'}))
for rel in db.inspect(Order).relationships:
    print(rel.key, ', '.join(sorted(rel.cascade)))
