class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    note = db.Column(db.String(20))
    lines = db.relationship('Line', backref='order')

    def __repr__(self):
        return f'<Order {self.id} {self.note}>'


class Line(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    sku = db.Column(db.String(10))
    order_id = db.Column(db.Integer, db.ForeignKey('order.id'))

    def __repr__(self):
        return f'<Line {self.id} {self.sku}>'


db.create_all()
merged = db.session.merge(Order(id=7, note='new', lines=[Line(sku='A'), Line(sku='B')]))
print(len(merged.lines), merged.lines[0].order is merged, merged in db.session)
db.session.commit()
print(db.session.execute(text('SELECT id, sku, order_id FROM line ORDER BY id')).fetchall())
again = db.session.merge(Order(id=7, note='again', lines=[Line(id=1, sku='A2')]))
print(again is merged, again.note, again.lines)
db.session.commit()
print(db.session.execute(text('SELECT id, sku, order_id FROM line ORDER BY id')).fetchall())
line = db.session.merge(Line(id=2, sku='B2', order=Order(id=7, note='via line')))
db.session.commit()
print(line.order, Order.query.all(), Line.query.order_by(Line.id).all())
