# A pending child moved to another parent via its backref (delete-orphan): it is expunged, not saved.
class Cart(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    lines = db.relationship('Line', backref='cart', cascade='all, delete-orphan')


class Line(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    cart_id = db.Column(db.Integer, db.ForeignKey('cart.id'))


db.create_all()
a, b = Cart(), Cart(lines=[Line()])
db.session.add_all([a, b])
line = b.lines[0]
line.cart = a
print(line in db.session)
db.session.commit()
print(Line.query.count(), a.lines, b.lines)
