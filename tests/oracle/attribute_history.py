class Pet(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    age = db.Column(db.Integer)


db.create_all()
p = Pet(name='Tom')
h = db.inspect(p).attrs.name.history
print(h, h.has_changes(), db.inspect(p).attrs.age.history.empty())
db.session.add(p)
db.session.commit()
p.name = 'Thomas'
h = db.inspect(p).attrs.name.history
print(h.added, h.deleted, h.unchanged, db.inspect(p).attrs.name.value, h.has_changes())
db.session.commit()
print(p.age, db.inspect(p).attrs.name.history, db.inspect(p).attrs['age'].history)
p.name = 'Tommy'
added, unchanged, deleted = db.inspect(p).attrs.name.history
print(added, unchanged, deleted)
p.age = 3
print(db.inspect(p).attrs.age.history.sum(), db.inspect(p).attrs.age.loaded_value)
db.session.flush()
print(db.inspect(p).attrs.name.history, db.inspect(p).attrs.age.value)
p.age = 3
print(db.inspect(p).attrs.age.history, db.session.is_modified(p))
print(type(db.inspect(p).attrs).__name__, type(db.inspect(p).attrs.name).__name__, type(h).__name__)
print([a.key for a in db.inspect(p).attrs])
