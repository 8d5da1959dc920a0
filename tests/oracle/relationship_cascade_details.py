# cascade='' adds no children; a child removed from a collection is dirty; a one-to-one's
# backref sets the object, not a list; a pending parent's dynamic collection autoflushes
# before count(); a dynamic relationship is a Query in union().
class P(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    kids = db.relationship('K', backref='parent', cascade='')
    pets = db.relationship('Pet', backref='owner')
    toys = db.relationship('Toy', backref='owner', lazy='dynamic')


class K(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    p_id = db.Column(db.Integer, db.ForeignKey('p.id'))


class Pet(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    p_id = db.Column(db.Integer, db.ForeignKey('p.id'))


class Toy(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    p_id = db.Column(db.Integer, db.ForeignKey('p.id'))
    name = db.Column(db.String(10))


class Ship(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    captain = db.relationship('Captain', backref='ship', uselist=False)


class Captain(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    ship_id = db.Column(db.Integer, db.ForeignKey('ship.id'))


db.create_all()
p = P(kids=[K(), K()], pets=[Pet(), Pet()])
db.session.add(p)
print(len(db.session.new))
db.session.commit()
print(K.query.count(), Pet.query.count())
pet = p.pets[0]
p.pets.remove(pet)
print(pet in db.session.dirty, len(db.session.dirty), pet.owner)
s = Ship()
cap = Captain(name='nemo', ship=s)
print(type(s.captain).__name__, s.captain.name)
q = P()
db.session.add(q)
q.toys.append(Toy(name='ball'))
q.toys.append(Toy(name='kite'))
print(q.toys.count(), len(q.toys.all()), q.id)
mine = Toy.query.filter(Toy.name == 'ball')
print(mine.union(q.toys).order_by(Toy.id).all())
