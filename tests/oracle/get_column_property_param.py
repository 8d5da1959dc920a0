class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    price = db.Column(db.Integer)
    views = db.Column(db.Integer)
    with_tax = db.column_property(price * 2 + 1)


db.create_all()
db.session.add_all([Item(name='pen', price=10), Item(name='cup', price=4, views=3)])
db.session.commit()
db.session.expunge_all()
print(db.session.get(Item, 1).with_tax, Item.query.get(2).with_tax, db.get_or_404(Item, 2).name)
print(db.one_or_404(select(Item.views).where(Item.id == 1)))
print(db.one_or_404(select(Item.views).where(Item.id == 2)))
print(db.first_or_404(select(Item.name).order_by(Item.name)))
try:
    db.first_or_404(select(Item.views).where(Item.id == 1))
except Exception as e:
    print(type(e).__name__, e.code)
try:
    db.one_or_404(select(Item.views))
except Exception as e:
    print(type(e).__name__, e.code)
print(dict(db.session.query(Item.name, Item.id)))
print(dict(Item.query.with_entities(Item.id, Item.price).order_by(Item.id.desc())))
print(dict(db.session.execute(select(Item.name, Item.price)).all()))
