class Box(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    items = db.relationship('Item', backref='box')

class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    box_id = db.Column(db.Integer, db.ForeignKey('box.id'))

db.create_all()
b, x = Box(), Item()
db.session.add_all([b, x])
db.session.commit()
print(b.items)
db.session.delete(x)
db.session.flush()
try:
    b.items.append(x)
    print('appended')
except Exception as e:
    print(type(e).__name__, str(e).split('>')[1])
try:
    x.box = b
    print('set')
except Exception as e:
    print(type(e).__name__, str(e).split('>')[1])
try:
    db.session.add(x)
except Exception as e:
    print(type(e).__name__, str(e).split('>')[1])
