from sqlalchemy.exc import IntegrityError
class Doc(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    version = db.Column(db.Integer, nullable=False)
    __mapper_args__ = {'version_id_col': version}
db.create_all()
d = Doc(title='a', version=None)
e = Doc(title='e', version=7)
db.session.add_all([d, e])
db.session.commit()
print(d.version, e.version)
d.version = None
d.title = 'b'
try:
    db.session.commit()
except IntegrityError as err:
    print(type(err).__name__, err.orig)
    db.session.rollback()
print(d.version, d.title)
d.title = 'c'
d.version = 5
db.session.commit()
print(db.session.execute(text('select id, title, version from doc order by id')).all())
