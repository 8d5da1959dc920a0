import enum


class Status(enum.Enum):
    PENDING = 'pending'
    SHIPPED = 'shipped'
    DELIVERED = 'delivered'


class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    item = db.Column(db.String(30))
    status = db.Column(db.Enum(Status), default=Status.PENDING, nullable=False)

    def __repr__(self):
        return f'<Order {self.item} {self.status.name}>'


db.create_all()
print(db.session.execute(db.text("select sql from sqlite_master where name='order'")).scalar())
db.session.add_all([Order(item='book'), Order(item='pen', status=Status.SHIPPED), Order(item='cup', status=Status.DELIVERED)])
db.session.commit()
print(Order.query.order_by(Order.id).all())
print(db.session.execute(db.text('select item, status from "order" order by id')).all())
print(Order.query.filter(Order.status == Status.SHIPPED).one(), Order.query.filter_by(status=Status.PENDING).count())
print(Order.query.filter(Order.status.in_([Status.SHIPPED, Status.DELIVERED])).count())
o = Order.query.get(1)
print(o.status, o.status.value, o.status is Status.PENDING, type(o.status).__name__)
o.status = Status.DELIVERED
db.session.commit()
print(db.session.query(Order.status, db.func.count()).group_by(Order.status).order_by(Order.status).all())
print([s.value for s in Status], {s.name: s.value for s in Status})
print(Order.__table__.c.status.type)
