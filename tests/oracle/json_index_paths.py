class Doc(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    data = db.Column(db.JSON)

db.create_all()
db.session.add_all([Doc(data={'n': 1, 'name': 'x', 'tags': ['a', 'b'], 'ok': True, 'sub': {'k': 1.5}}),
                    Doc(data={'n': 2, 'name': 'y', 'tags': [], 'ok': False, 'sub': {'k': 2}}), Doc(data=[5, 6])])
db.session.commit()
print(db.session.query(Doc.data['name']).order_by(Doc.id).all())
print(db.session.query(Doc.data['tags'], Doc.data['sub']).order_by(Doc.id).all())
print(db.session.query(Doc.id).filter(Doc.data['name'] == 'x').all())
print(db.session.query(Doc.id).filter(Doc.data['n'] == 2).all())
print(db.session.query(Doc.id).filter(Doc.data['name'].as_string() == 'y').all())
print(db.session.query(Doc.id).filter(Doc.data['ok'].as_boolean() == True).all())
print(db.session.query(Doc.data['sub']['k'].as_float()).order_by(Doc.id).all())
print(db.session.query(Doc.data[('sub', 'k')]).order_by(Doc.id).all())
print(db.session.query(Doc.data[0]).order_by(Doc.id).all())
print(db.session.query(Doc.id).order_by(Doc.data['n'].as_integer().desc()).all())
print(db.session.execute(db.select(Doc.data['name'].as_string().label('nm'))).all())

print(Doc.query.filter(Doc.data['name'].as_string().like('%x%')).count())
