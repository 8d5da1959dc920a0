# lazyload() overriding lazy='raise' and lazy='noload' per query; raiseload() over a lazy one.
class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    code = db.Column(db.String(10))
    items = db.relationship('Item', lazy='raise', back_populates='order')
    notes = db.relationship('Note', lazy='noload')

    def __repr__(self):
        return f'<Order {self.code}>'


class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    order_id = db.Column(db.ForeignKey('order.id'))
    order = db.relationship('Order', back_populates='items')

    def __repr__(self):
        return f'<Item {self.name}>'


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    text = db.Column(db.String(10))
    order_id = db.Column(db.ForeignKey('order.id'))


db.create_all()
o = Order(code='X1')
db.session.add_all([o, Item(name='cup', order=o), Item(name='mug', order=o), Note(text='fragile', order_id=1)])
db.session.commit()
db.session.expunge_all()
o = Order.query.first()
try:
    o.items
except Exception as e:
    print(type(e).__name__, e)
print(o.notes)
db.session.expunge_all()
o = Order.query.options(db.lazyload(Order.items), db.lazyload(Order.notes)).first()
print(o.items, [n.text for n in o.notes])
db.session.expunge_all()
o = db.session.execute(db.select(Order).options(db.lazyload(Order.items))).scalar_one()
print(o.items[0].order)
db.session.expunge_all()
i = Item.query.options(db.raiseload(Item.order)).first()
try:
    i.order
except Exception as e:
    print(type(e).__name__, e)
