class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    qty = db.Column(db.Integer, default=1)

db.create_all()
db.session.bulk_insert_mappings(Item, [{'name': 'a', 'qty': 2}, {'name': 'b', 'qty': 3}, {'name': 'c', 'qty': None}, {'id': 9, 'name': 'z'}])
db.session.commit()
print([(i.id, i.name, i.qty) for i in Item.query.order_by(Item.id)])
it = Item.query.filter_by(id=1).one()
it.qty = 50
new = Item(name='n')
print(db.session.dirty, it in db.session.dirty)
db.session.bulk_save_objects([it, new, Item(name='m', qty=7)])
print(db.session.dirty, new in db.session, new.id, it.qty)
db.session.commit()
print([(i.id, i.name, i.qty) for i in Item.query.order_by(Item.id)])
db.session.bulk_update_mappings(Item, [{'id': 2, 'qty': 20}, {'id': 3, 'qty': 30}, {'id': 9, 'name': 'zz', 'qty': 0}])
db.session.commit()
print([(i.id, i.name, i.qty) for i in Item.query.order_by(Item.id)])
print(db.session.bulk_insert_mappings(Item, []))
try:
    db.session.bulk_update_mappings(Item)
except TypeError as e:
    print(e)
db.session.bulk_save_objects([Item(name='p', qty=None), Item(name='q', qty=4), Item(name='r', qty=4)])
db.session.commit()
print([(i.id, i.name, i.qty) for i in Item.query.filter(Item.id > 11).order_by(Item.id)])
