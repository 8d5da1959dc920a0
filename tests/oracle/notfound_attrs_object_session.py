# werkzeug's NotFound: code and description on the class too, response None; and
# db.object_session(obj), the session an object is in.
class Pet(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


db.create_all()
try:
    db.get_or_404(Pet, 1, description='No such pet')
except Exception as e:
    print(type(e).__name__, e.code, type(e).code, e.response, e.description)
    print(type(e).description)
    print(str(e))
try:
    Pet.query.first_or_404()
except Exception as e:
    print(e.name, e.code == type(e).code, isinstance(e, Exception))
p = Pet(name='Rex')
print(db.object_session(p))
db.session.add(p)
print(db.object_session(p) is db.session())
db.session.commit()
print(db.object_session(p) is db.session(), db.object_session(Pet()))
db.session.expunge(p)
print(db.object_session(p))
