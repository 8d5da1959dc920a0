class Zoo(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    cats = db.relationship('Cat', order_by='Cat.id')
    animals = db.relationship('Animal', order_by='Animal.id', viewonly=True)

class Animal(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    kind = db.Column(db.String(10))
    zoo_id = db.Column(db.Integer, db.ForeignKey('zoo.id'))
    __mapper_args__ = {'polymorphic_on': kind, 'polymorphic_identity': 'animal'}
    def __repr__(self):
        return f'<{type(self).__name__} {self.id}>'

class Cat(Animal):
    __mapper_args__ = {'polymorphic_identity': 'cat'}
    lives = db.Column(db.Integer)

class Lion(Cat):
    __mapper_args__ = {'polymorphic_identity': 'lion'}

db.create_all()
db.session.add(Zoo(id=1))
db.session.add_all([Animal(zoo_id=1), Cat(zoo_id=1), Lion(zoo_id=1), Animal(zoo_id=1)])
db.session.commit()
print(db.session.execute(text('select id, kind, lives from animal')).all())
print(Zoo.query.join(Cat, Cat.zoo_id == Zoo.id).count())
print(Zoo.query.join(Cat).count())
print(Zoo.query.join(Lion).count())
print(Zoo.query.join(Zoo.cats).count())
print(Zoo.query.outerjoin(Lion).count())
z = db.session.get(Zoo, 1)
print(z.cats, z.animals)
print(db.session.execute(select(Zoo.id, Cat.id).join(Cat).order_by(Cat.id)).all())
print(db.session.query(Zoo, Cat).join(Cat, Zoo.id == Cat.zoo_id).order_by(Cat.id).all())
print(Zoo.query.join(Zoo.cats.and_(Cat.id > 2)).count())
print(db.session.execute(select(Zoo.id).join(Zoo.cats.and_(Cat.id > 0)).order_by(Zoo.id)).all())
