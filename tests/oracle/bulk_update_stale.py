from sqlalchemy import update
class Product(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    price = db.Column(db.Integer)
    name = db.Column(db.String(10))
db.create_all()
db.session.add_all([Product(id=2, price=1), Product(id=3, price=1)])
db.session.commit()
try:
    db.session.bulk_update_mappings(Product, [{'id': 1, 'price': 9}, {'id': 2, 'price': 8}])
    print('legacy ok')
except Exception as e:
    print(type(e).__name__, e)
db.session.rollback()
try:
    db.session.execute(update(Product), [{'id': 1, 'price': 9}, {'id': 2, 'price': 8}])
except Exception as e:
    print(type(e).__name__, e)
db.session.rollback()
try:
    db.session.execute(update(Product), [{'id': 7, 'price': 9}])
except Exception as e:
    print(type(e).__name__, e)
db.session.rollback()
try:
    db.session.execute(update(Product), [{'id': 2, 'price': 9}, {'id': 9, 'name': 'x'}, {'id': 3, 'name': 'y'}])
except Exception as e:
    print(type(e).__name__, e)
db.session.rollback()
db.session.execute(update(Product), [{'id': 2, 'price': 5}, {'id': 3, 'price': 6}])
db.session.commit()
print([(p.id, p.price) for p in Product.query.order_by(Product.id)])
