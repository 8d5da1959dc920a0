# session.expire(obj, [names]) unloads those attributes only; expire() needs a persistent object
class Shelf(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    items = db.relationship('Item', backref='shelf')


class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    qty = db.Column(db.Integer)
    shelf_id = db.Column(db.Integer, db.ForeignKey('shelf.id'))


db.create_all()
s = Shelf()
it = Item(name='bolt', qty=3, shelf=s)
db.session.add(s)
db.session.commit()
print(it.name, it.qty, len(s.items))
db.session.execute(text("UPDATE item SET qty = 40, name = 'nut' WHERE id = 1"))
db.session.expire(it, ['qty'])
print(it.name, it.qty)
# a pending change of an expired attribute is dropped; others stay
it.qty = 7
it.name = 'screw'
db.session.expire(it, ['qty'])
print(it in db.session.dirty, it.qty, it.name)
db.session.commit()
print(db.session.execute(text('SELECT name, qty FROM item')).all())
# a relationship by name
print(len(s.items))
db.session.add(Item(name='x', shelf_id=1))
db.session.flush()
print(len(s.items))
db.session.expire(s, ['items'])
print(len(s.items))
db.session.commit()
# not persistent: InvalidRequestError
x = db.session.get(Item, 1)
db.session.expunge(x)
for f in (lambda: db.session.expire(x), lambda: db.session.refresh(x), lambda: db.session.expire(Item(name='n'))):
    try:
        f()
        print('no error')
    except Exception as e:
        print(type(e).__name__, str(e).split("'")[-1])
p = Item(name='p')
db.session.add(p)
try:
    db.session.expire(p, ['name'])
except Exception as e:
    print(type(e).__name__)
