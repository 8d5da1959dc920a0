# Aggregates over a single-table-inheritance subclass column keep the discriminator filter.
class Vehicle(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    kind = db.Column(db.String(10))
    wheels = db.Column(db.Integer)
    __mapper_args__ = {'polymorphic_on': kind, 'polymorphic_identity': 'vehicle'}


class Bike(Vehicle):
    __mapper_args__ = {'polymorphic_identity': 'bike'}


db.create_all()
db.session.add(Bike(wheels=2))
db.session.commit()
db.session.add(Vehicle(wheels=10))
db.session.commit()
print(db.session.query(func.max(Bike.wheels)).scalar(), db.session.query(func.count(Bike.id)).scalar())
print(db.session.scalar(select(func.sum(Bike.wheels))), db.session.query(Bike.wheels).all())
print(db.session.execute(select(func.max(Bike.wheels).label('m'))).all(), db.session.query(func.count(Vehicle.id)).scalar())
