# RelationshipProperty.lazy keeps the value passed in (True / False), not a normalised name.
class Shelf(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    a = db.relationship('Jar', lazy=True)
    b = db.relationship('Jar', lazy=False, viewonly=True)
    c = db.relationship('Jar', viewonly=True)


class Jar(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    shelf_id = db.Column(db.Integer, db.ForeignKey('shelf.id'))


print(Shelf.a.property.lazy, Shelf.b.property.lazy, Shelf.c.property.lazy)
