from sqlalchemy import event


class TimestampMixin:
    stamp = db.Column(db.String(20))


class Base(db.Model):
    __abstract__ = True
    id = db.Column(db.Integer, primary_key=True)
    tag = db.Column(db.String(10))


class Cat(Base):
    pass


class Dog(TimestampMixin, Base):
    pass


class Animal(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    kind = db.Column(db.String(10))
    note = db.Column(db.String(20))
    __mapper_args__ = {'polymorphic_on': kind, 'polymorphic_identity': 'animal'}


class Bird(Animal):
    __mapper_args__ = {'polymorphic_identity': 'bird'}


@event.listens_for(Base, 'before_insert', propagate=True)
def tag_it(mapper, connection, target):
    target.tag = 'set-' + type(target).__name__


def stamp_it(mapper, connection, target):
    target.stamp = 'stamped'


event.listen(TimestampMixin, 'before_insert', stamp_it, propagate=True)


@event.listens_for(Animal, 'before_insert')
def only_animal(mapper, connection, target):
    target.note = 'base only'


@event.listens_for(Animal, 'before_update', propagate=True)
def all_animals(mapper, connection, target):
    target.note = 'updated ' + target.kind


db.create_all()
db.session.add_all([Cat(), Dog(), Animal(), Bird()])
db.session.commit()
print([(c.id, c.tag) for c in Cat.query.all()], [(d.id, d.tag, d.stamp) for d in Dog.query.all()])
print([(a.kind, a.note) for a in Animal.query.order_by(Animal.id)])
for a in Animal.query.all():
    a.kind = a.kind
    a.note = 'x'
db.session.commit()
print([(a.kind, a.note) for a in Animal.query.order_by(Animal.id)])
