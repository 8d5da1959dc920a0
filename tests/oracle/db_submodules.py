# The submodules db reaches as attributes: db.orm.attributes.flag_modified, db.types, db.sql.
class Doc(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    data = db.Column(db.JSON, default=dict)
db.create_all()
d = Doc(data={'a': 1}); db.session.add(d); db.session.commit()
d.data['a'] = 2
db.orm.attributes.flag_modified(d, 'data')
print(type(db.orm).__name__, d in db.session.dirty)
print(db.types.Integer(), db.sql.__name__, db.orm.__name__, db.attributes.__name__)
print(db.orm.attributes.instance_state(d).modified)
db.session.commit()
print(Doc.query.one().data)
