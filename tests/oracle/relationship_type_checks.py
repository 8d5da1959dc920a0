# Objects of the wrong class in a relationship: refused by the cascade of add(), or by
# the flush; a subclass is accepted; a non-model value is refused when assigned.
class Owner(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    pets = db.relationship('Pet')
    toys = db.relationship('Toy', secondary=db.Table(
        'owner_toy', db.Column('o', db.ForeignKey('owner.id'), primary_key=True),
        db.Column('t', db.ForeignKey('toy.id'), primary_key=True)))


class Pet(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    kind = db.Column(db.String(10))
    owner_id = db.Column(db.Integer, db.ForeignKey('owner.id'))
    vet_id = db.Column(db.Integer, db.ForeignKey('vet.id'))
    vet = db.relationship('Vet')
    __mapper_args__ = {'polymorphic_on': kind, 'polymorphic_identity': 'pet'}


class Cat(Pet):
    __mapper_args__ = {'polymorphic_identity': 'cat'}


class Vet(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class Toy(db.Model):
    id = db.Column(db.Integer, primary_key=True)


db.create_all()
o = Owner(pets=[Cat(), Pet()])
db.session.add(o)
db.session.commit()
print([type(p).__name__ for p in o.pets], o.pets[0].owner_id)
for step in ('add', 'append', 'reference', 'secondary', 'subclass'):
    try:
        with db.session.no_autoflush:
            if step == 'add':
                db.session.add(Owner(pets=[Pet(), Toy()]))
            elif step == 'append':
                o.pets.append(Toy())
            elif step == 'reference':
                p = Pet()
                db.session.add(p)
                p.vet = Toy()
            elif step == 'secondary':
                o.toys.append(Pet())
            else:
                o.pets.append(Cat())
        db.session.flush()
        print(step, 'flushed')
    except Exception as e:
        print(step, type(e).__name__, str(e))
    db.session.rollback()
for value in ([1], (Pet(),)):
    try:
        o.pets = value
        print('assigned', value)
    except Exception as e:
        print(type(e).__name__, e)
print(len(o.pets))
try:
    Owner(pets=[Pet(), 2])
except AttributeError as e:
    print(e)
try:
    o.pets = [Cat(), 'x', Pet()]
except AttributeError as e:
    print(e, [type(p).__name__ for p in o.pets])
db.session.commit()
print(db.session.query(Pet).count(), [p.owner_id for p in db.session.query(Pet).order_by(Pet.id)])
