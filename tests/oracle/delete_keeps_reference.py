# Deleting children and their parent in one flush: each deleted child keeps the parent
# it refers to (found in the identity map, no SQL), so it still prints it afterwards.
class Car(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    plate = db.Column(db.String(10))
    jobs = db.relationship('Job', backref='car')
    def __repr__(self):
        return f"<Car {self.plate}>"
class Job(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    hours = db.Column(db.Float)
    car_id = db.Column(db.Integer, db.ForeignKey('car.id'))
    def __repr__(self):
        return f"<Job {self.car.plate}: {self.hours}h>"
db.create_all()
db.session.add(Car(plate="ZZ-9", jobs=[Job(hours=0.5)]))
db.session.add(Car(plate="AB-1", jobs=[Job(hours=2.0)]))
db.session.commit()
c = db.session.get(Car, 1)
j = c.jobs[0]
print(sorted(k for k in vars(j) if not k.startswith('_')))
db.session.delete(j)
db.session.delete(c)
db.session.commit()
print(j, c, j.car_id, c.jobs)
print(sorted(k for k in vars(j) if not k.startswith('_')))
print(db.session.query(Job).count(), db.session.query(Car).count())
