class Person(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(40))
    age = db.Column(db.Integer)
    pets = db.relationship('Pet', backref='owner')


class Pet(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey('person.id'))


db.create_all()
p = Person(name='Kim', age=3)
print(sorted(db.inspect(p).expired_attributes))
db.session.add(p)
db.session.commit()
print(sorted(db.inspect(p).expired_attributes))
p.name
print(sorted(db.inspect(p).expired_attributes))
db.session.expire(p, ['age'])
print(sorted(db.inspect(p).expired_attributes), db.inspect(p).unloaded)
p.pets
db.session.expire(p)
print(sorted(db.inspect(p).expired_attributes), sorted(db.inspect(p).unloaded))
print(type(db.inspect(p).expired_attributes).__name__)
