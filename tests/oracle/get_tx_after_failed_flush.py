class Item(db.Model):
    id = db.Column('item_id', db.Integer, primary_key=True)
    name = db.Column(db.String(20))

db.create_all()
db.session.add_all([Item(name='x')]); db.session.commit()
for arg in [{'id': 1}, {'item_id': 1}]:
    try:
        print(arg, db.session.get(Item, arg))
    except Exception as e:
        print(arg, type(e).__name__, str(e).splitlines()[0])
db.session.add(Item(id=1, name='dup'))
try:
    db.session.flush()
except Exception as e:
    print(type(e).__name__)
print(db.session().in_transaction(), db.session.is_active)
print(db.session().get_transaction() is None)
db.session.rollback()
print(db.session().in_transaction(), db.session.is_active)
db.session.add(Item(id=1, name='dup'))
try:
    db.session.commit()
except Exception as e:
    print(type(e).__name__)
print(db.session().in_transaction(), db.session.is_active, db.session().get_transaction() is None)
db.session.rollback()
print(db.session().in_transaction())
with db.session.begin_nested():
    pass
print(db.session().in_transaction(), db.session().in_nested_transaction())
db.session.commit()
try:
    with db.session.begin_nested():
        db.session.add(Item(id=1, name='dup'))
        db.session.flush()
except Exception as e:
    print(type(e).__name__)
print(db.session().in_transaction(), db.session().in_nested_transaction(), db.session.is_active)
db.session.rollback()
print(db.session().in_transaction())
