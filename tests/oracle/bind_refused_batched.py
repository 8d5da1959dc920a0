from decimal import Decimal
from sqlalchemy import insert, update
class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    qty = db.Column(db.Integer)
    name = db.Column(db.String(30))
db.create_all()
def show(label, fn):
    try:
        fn()
        print(label, 'ok', [(i.id, i.qty, i.name) for i in Item.query.order_by(Item.id)])
    except Exception as e:
        print(label, type(e).__name__, getattr(e, 'orig', e))
    db.session.rollback()
show('add3', lambda: (db.session.add_all([Item(qty=Decimal('1')), Item(qty=Decimal('2')), Item(qty=3)]), db.session.flush()))
show('addfull', lambda: (db.session.add_all([Item(id=1, qty=1, name='a'), Item(id=2, qty=Decimal('2'), name='b')]), db.session.flush()))
db.session.add_all([Item(qty=1), Item(qty=2)]); db.session.commit()
show('bulkupd', lambda: db.session.execute(update(Item), [{'id': 1, 'qty': Decimal('5')}, {'id': 2, 'qty': 6}]))
show('bulkupdmap', lambda: db.session.bulk_update_mappings(Item, [{'id': 1, 'qty': Decimal('5')}, {'id': 2, 'qty': 6}]))
show('bulkinsmap', lambda: db.session.bulk_insert_mappings(Item, [{'qty': 5}, {'qty': Decimal('6')}]))
show('bulksave', lambda: db.session.bulk_save_objects([Item(qty=5), Item(qty=Decimal('6'))]))
def dirty():
    a, b = Item.query.order_by(Item.id).all()
    a.qty = Decimal('7'); b.qty = Decimal('8')
    db.session.flush()
show('dirty', dirty)
show('ins-tbl', lambda: db.session.execute(Item.__table__.insert(), [{'qty': 5}, {'qty': Decimal('6')}]))
