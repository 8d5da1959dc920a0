from sqlalchemy.exc import IntegrityError
class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20), nullable=False)
db.create_all()
db.session.add(T())
try:
    db.session.commit()
except IntegrityError as e:
    print(type(e.orig).__module__, type(e).__module__, type(e.orig).__name__, type(e.orig).__qualname__)
    print(type(e.orig), repr(e.orig), e.orig.args)
    print([c.__name__ for c in type(e.orig).__mro__])
