class C(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    value = db.Column(db.Integer)
    note = db.Column(db.String(20))


db.create_all()
c = C(name='a', value=1, note='n')
db.session.add(c)
db.session.commit()
print(c.name)
db.session.execute(text("UPDATE c SET name = 'raw', value = 2, note = 'm'"))
db.session.refresh(c, ['value'])
print(c.name, c.value, c.note)
db.session.refresh(c, attribute_names=['note', 'name'])
print(c.name, c.value, c.note)
c.value = 5
db.session.refresh(c, ['name'])
print(c.name, c.value, db.session.is_modified(c))
db.session.commit()
print(db.session.execute(text('SELECT name, value, note FROM c')).one())
