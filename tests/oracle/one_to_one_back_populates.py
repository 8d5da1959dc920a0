class Person(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(40), nullable=False)
    passport = db.relationship('Passport', back_populates='owner', uselist=False, cascade='all, delete-orphan')
    addresses = db.relationship('Address', back_populates='person', order_by='Address.city.desc()', lazy='joined')

    def __repr__(self):
        return f'Person({self.name})'

class Passport(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    number = db.Column(db.String(20), unique=True)
    person_id = db.Column(db.Integer, db.ForeignKey('person.id'), unique=True)
    owner = db.relationship('Person', back_populates='passport')

class Address(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    city = db.Column(db.String(40))
    person_id = db.Column(db.Integer, db.ForeignKey('person.id'))
    person = db.relationship('Person', back_populates='addresses')

    def __repr__(self):
        return f'<Address {self.city}>'

db.create_all()
p = Person(name='Ann', passport=Passport(number='X1'))
p.addresses = [Address(city='Berlin'), Address(city='Oslo'), Address(city='Athens')]
q = Person(name='Bob')
db.session.add_all([p, q])
db.session.commit()
print(p.passport.number, p.passport.owner is p, q.passport)
print(p.addresses, Address.query.filter_by(city='Oslo').one().person)
print(Person.query.filter(Person.passport.has(number='X1')).all(), Person.query.filter(Person.passport == None).all())
print(Person.query.filter(Person.addresses.any(Address.city.like('A%'))).all())
q.passport = Passport(number='Y2')
db.session.commit()
print(Passport.query.count(), [pp.owner.name for pp in Passport.query.order_by(Passport.number)])
p.passport = None
db.session.commit()
print(Passport.query.count(), p.passport)
a = p.addresses[0]
p.addresses.remove(a)
db.session.commit()
print(a.person, a.person_id, Address.query.count(), p.addresses)
db.session.delete(q)
db.session.commit()
print(Passport.query.count(), Person.query.count())
people = Person.query.options(db.joinedload(Person.passport)).all()
print(people, people[0].passport)
print(db.session.query(Person.name, Address.city).join(Person.addresses).order_by(Address.city).all())
print(db.session.query(Person).outerjoin(Passport).filter(Passport.id.is_(None)).count())
print(Address.query.join(Address.person).filter(Person.name == 'Ann').order_by(Address.id).all())
