# After expire(obj, [a, b]) on a loaded object, touching one expired attribute reloads ALL expired attributes.
class Doc(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(30))
    version = db.Column(db.Integer)


db.create_all()
d = Doc(title='a', version=1)
db.session.add(d)
db.session.commit()
print(d.title)
db.session.expire(d, ['title', 'version'])
print(d.title)
db.session.execute(text('UPDATE doc SET version = 2'))
print(d.version)
