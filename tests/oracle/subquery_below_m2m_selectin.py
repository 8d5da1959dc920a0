# A subquery load below a many-to-many selectin load: the selectin's own join, with the
# relationship's order, wrapped as the subquery load's origin.
links = db.Table('links', db.Column('shelf_id', db.ForeignKey('shelf.id')),
                 db.Column('box_id', db.ForeignKey('box.id')))


class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    box_id = db.Column(db.Integer, db.ForeignKey('box.id'))


class Box(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    label = db.Column(db.String(20))
    items = db.relationship('Item', lazy='subquery', order_by='Item.name')


class Shelf(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    boxes = db.relationship('Box', secondary=links, lazy='selectin', order_by='Box.label.desc()')


db.create_all()
db.session.add_all([Box(label='a', items=[Item(name='y'), Item(name='x')]),
                    Box(label='b', items=[Item(name='z')]), Shelf(), Shelf()])
db.session.commit()
db.session.execute(links.insert(), [{'shelf_id': 1, 'box_id': 1}, {'shelf_id': 1, 'box_id': 2},
                                    {'shelf_id': 2, 'box_id': 2}])
db.session.commit()
for shelf in Shelf.query.order_by(Shelf.id):
    print(shelf.id, [(b.label, [i.name for i in b.items]) for b in shelf.boxes])
