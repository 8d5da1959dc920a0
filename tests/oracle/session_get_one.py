class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


db.create_all()
db.session.add(Item(name='a'))
db.session.commit()
print(db.session.get_one(Item, 1).name)
try:
    db.session.get_one(Item, 5)
except Exception as e:
    print(type(e).__name__, e)
print(db.get_or_404(Item, 1).name)
try:
    db.one_or_404(select(Item).filter_by(name='zz'))
except Exception as e:
    print(type(e).__name__, e)
print(db.first_or_404(select(Item).order_by(Item.id)).name)
