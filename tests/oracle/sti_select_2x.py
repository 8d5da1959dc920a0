# SQLAlchemy 2.0 style single-table inheritance with Mapped annotations.
from sqlalchemy.orm import Mapped, mapped_column


class Vehicle(db.Model):
    __tablename__ = 'vehicles'
    id: Mapped[int] = mapped_column(primary_key=True)
    make: Mapped[str] = mapped_column(db.String(40))
    kind: Mapped[str]
    __mapper_args__ = {'polymorphic_on': 'kind', 'polymorphic_identity': 'vehicle'}

    def __repr__(self):
        return f'{type(self).__name__}({self.make})'


class Car(Vehicle):
    doors: Mapped[int] = mapped_column(nullable=True)
    __mapper_args__ = {'polymorphic_identity': 'car'}


class Truck(Vehicle):
    payload: Mapped[float] = mapped_column(nullable=True)
    __mapper_args__ = {'polymorphic_identity': 'truck'}


db.create_all()
db.session.add_all([Truck(make='Volvo', payload=12.5), Car(make='Fiat', doors=3), Car(make='Audi', doors=5), Vehicle(make='Generic')])
db.session.commit()
print(db.session.scalars(select(Vehicle).order_by(Vehicle.make)).all())
print(db.session.scalars(select(Car).where(Car.doors > 3)).all())
print(db.session.execute(select(Truck.make, Truck.payload)).all())
print(db.session.execute(select(Vehicle.kind, func.count(Vehicle.id)).group_by(Vehicle.kind).order_by(Vehicle.kind)).all())
print(db.session.scalar(select(func.count()).select_from(Car)))
t = db.session.scalars(select(Vehicle).filter_by(make='Volvo')).one()
print(type(t).__name__, t.payload, t.kind)
print(db.session.get(Vehicle, 2).doors)
print([c.name for c in Vehicle.__table__.columns])
print(db.inspect(Car).polymorphic_identity, db.inspect(Vehicle).polymorphic_on)
