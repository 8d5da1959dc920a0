# Legacy Query methods a 1.x tutorial uses: add_column(), add_entity(), tuples(),
# with_labels(); a subquery's name.
class Owner(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    pets = db.relationship('Pet', backref='owner')


class Pet(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    owner_id = db.Column(db.Integer, db.ForeignKey('owner.id'))


db.create_all()
ann = Owner(name='ann')
db.session.add_all([Pet(name='rex', owner=ann), Pet(name='tom', owner=ann), Pet(name='kit')])
db.session.commit()
print(db.session.query(Pet.name).add_column(Pet.id).order_by(Pet.id).all())
rows = db.session.query(Pet.name).add_entity(Owner).join(Owner).order_by(Pet.name).all()
print(rows, [r.Owner.name for r in rows], rows[0]._fields)
print(db.session.query(Pet.name, Pet.id).order_by(Pet.id).tuples().all())
print(db.session.query(Pet.id).with_labels().order_by(Pet.id).all())
q = db.session.query(Pet).add_columns(Pet.name).add_column(db.func.length(Pet.name))
print(q.order_by(Pet.id).first())
sub = db.select(Pet.id).subquery()
named = db.select(Pet.owner_id, db.func.count().label('n')).group_by(Pet.owner_id).subquery('counts')
print(named.name, sub.name is None, isinstance(sub.name, str))
print(db.session.query(Owner.name, named.c.n).join(named, named.c.owner_id == Owner.id).all())
