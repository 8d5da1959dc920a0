# A backref's attribute appears on its class when the mappers are configured: at the first
# object made, query or ORM statement run, not when the classes are defined.
class Owner(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    pets = db.relationship('Pet', backref='owner')


class Pet(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey('owner.id'))


print(hasattr(Pet, 'owner'), hasattr(Owner, 'pets'), hasattr(Pet, 'id'))
db.create_all()
stmt = select(Pet)
print(hasattr(Pet, 'owner'), 'owner' in Pet.__dict__)
try:
    print(select(Pet).where(Pet.owner.has(name='x')))
except AttributeError as e:
    print('AttributeError', e)
print(db.session.execute(select(Pet)).all(), hasattr(Pet, 'owner'))
print(db.session.execute(select(Pet).where(Pet.owner.has(name='x'))).all())


class Vet(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    patients = db.relationship('Pet', backref='vet', secondary=db.Table('care', db.Column('vet_id', db.ForeignKey('vet.id')), db.Column('pet_id', db.ForeignKey('pet.id'))))


print(hasattr(Pet, 'vet'), hasattr(Pet, 'owner'))
Vet()
print(hasattr(Pet, 'vet'))
