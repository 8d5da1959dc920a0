import datetime
class Owner(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    def __repr__(self):
        return f'<Owner {self.name}>'
class Pet(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    born = db.Column(db.Date)
    owner_id = db.Column(db.ForeignKey('owner.id'))
    def __repr__(self):
        return f'<Pet {self.name}>'
db.create_all()
o = Owner(name='Kari')
db.session.add_all([o, Pet(name='Rex', born=datetime.date(2020, 1, 2), owner_id=1)])
db.session.commit()
rows = db.session.execute(db.select(Owner, Pet).join(Pet, Pet.owner_id == Owner.id)).all()
print(rows[0]._mapping[Owner], rows[0]._mapping[Pet], rows[0]._mapping['Pet'], Owner in rows[0]._mapping)
m = db.session.execute(db.select(Pet.name, Pet.id)).mappings().first()
print(m == {'name': 'Rex', 'id': 1}, m == {'name': 'Rex'}, dict(m) == {'name': 'Rex', 'id': 1}, m != {'x': 1})
s = None
typed = db.text('SELECT id, name, born FROM pet').columns(Pet.id, Pet.name, Pet.born)
for r in db.session.execute(typed):
    print(r.id, r.name, r.born, type(r.born).__name__)
typed2 = db.text('SELECT id, born FROM pet').columns(id=db.Integer, born=db.Date)
print([type(r.born).__name__ for r in db.session.execute(typed2)])
