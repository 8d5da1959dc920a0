# Relationship order_by strings holding expressions, evaluated once the classes exist.
class Box(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    tags = db.relationship('Tag', order_by='func.lower(Tag.name)')
    ranked = db.relationship('Tag', order_by='Tag.rank * -1', viewonly=True)
    places = db.relationship('Tag', order_by='[Tag.place.nulls_last(), Tag.id.desc()]', viewonly=True)
    nocase = db.relationship('Tag', order_by='Tag.name.collate("NOCASE").desc()', viewonly=True)


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    rank = db.Column(db.Integer)
    place = db.Column(db.Integer)
    box_id = db.Column(db.Integer, db.ForeignKey('box.id'))


db.create_all()
db.session.add(Box(tags=[Tag(name='b', rank=1, place=2), Tag(name='A', rank=3), Tag(name='c', rank=2, place=1)]))
db.session.commit()
b = db.session.get(Box, 1)
print([t.name for t in b.tags], [t.name for t in b.ranked])
print([t.name for t in b.places], [t.name for t in b.nocase])
