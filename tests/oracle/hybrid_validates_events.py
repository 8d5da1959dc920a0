from sqlalchemy import event
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import validates
class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    slug = db.Column(db.String(20))
    price = db.Column(db.Integer)
    qty = db.Column(db.Integer, default=0)
    version = db.Column(db.Integer, default=1)
    @hybrid_property
    def total(self):
        return self.price * self.qty
    @total.expression
    def total(cls):
        return (cls.price * cls.qty).label('total')
    @hybrid_property
    def label(self):
        return self.name.upper()
    @label.setter
    def label(self, v):
        self.name = v.lower()
    @validates('price', 'qty')
    def check(self, key, v):
        print('validate', key, v)
        if v < 0:
            raise ValueError(f'{key} < 0')
        return v
def slugify(mapper, connection, target):
    target.slug = target.name.replace(' ', '-')
    print('before_insert', target.name)
event.listen(Item, 'before_insert', slugify)
@event.listens_for(Item, 'after_insert')
def ai(mapper, connection, target):
    print('after_insert', target.id)
@event.listens_for(Item, 'before_update')
def bu(mapper, connection, target):
    target.version = (target.version or 0) + 1
    print('before_update', target.id)
@event.listens_for(Item, 'after_delete')
def ad(mapper, connection, target):
    print('after_delete', target.id)
db.create_all()
a = Item(name='big box', price=3, qty=2)
b = Item(name='pen', price=1)
db.session.add_all([a, b])
db.session.commit()
print(a.slug, b.slug, a.total, Item.query.filter(Item.total > 5).count())
print(db.session.query(Item.name, Item.total).order_by(Item.id).all())
a.label = 'HUGE Box'
a.qty = 5
db.session.commit()
print(a.name, a.label, a.version, a.total)
try:
    a.price = -1
except ValueError as e:
    print('ValueError', e)
db.session.delete(b)
db.session.commit()
print(Item.query.count())
