# The same column selected twice gets SQLAlchemy's dedupe label (`__N`); another column
# of the same name its anonymous one.
class Car(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    year = db.Column(db.Integer)


class Bike(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    year = db.Column(db.Integer)


db.create_all()
db.session.add_all([Car(year=1990), Bike(year=2001)])
db.session.commit()
print(select(Car.year, Car.year, Car.year))
print(select(Car.year, Car.id, Car.year, Bike.year, Bike.year))
print(db.session.query(Car.year, Car.year, Car.year))
print(db.session.query(Car.year, Car.id, Car.year, Bike.year, Bike.year))
print(db.session.query(Car).add_columns(Car.year))
print(db.session.query(Car.year, Car.year).all())
print(db.session.execute(select(Car.year, Car.year, Bike.year)).all())
print(db.session.query(Car.year, Car.year).first()._fields)
print(db.session.execute(select(Car.year, Car.year)).keys())
print(select(Car.year, Car.year).subquery().c.keys())
