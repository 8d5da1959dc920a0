try:
    try:
        {}['k']
    except KeyError as k:
        try:
            raise ValueError('inner')
        except ValueError as v:
            print(repr(v.__context__), v.__cause__)
        raise TypeError('x') from None
except TypeError as exc:
    print(repr(exc.__context__), exc.__cause__, exc.__suppress_context__)
try:
    try:
        1/0
    except ZeroDivisionError as z:
        raise ValueError('m') from z
except ValueError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
e2 = ValueError('plain')
print(e2.__context__, e2.__cause__, e2.__suppress_context__)
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String, unique=True)
db.create_all()
try:
    try:
        db.session.add_all([User(name='a'), User(name='a')])
        db.session.commit()
    except Exception as e:
        db.session.rollback()
        raise RuntimeError('could not save') from e
except RuntimeError as r:
    print(type(r.__cause__).__name__, type(r.__context__).__name__, r.__cause__ is r.__context__)
    print(type(r.__cause__.__context__).__name__)
