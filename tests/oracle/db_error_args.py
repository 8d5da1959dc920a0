from sqlalchemy.exc import IntegrityError
class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10), nullable=False, unique=True)
    d = db.Column(db.Date)
db.create_all()
try:
    db.session.add(T())
    db.session.commit()
except IntegrityError as e:
    print(e.args, e.code)
    print(repr(e))
db.session.rollback()
try:
    db.session.add(T(name='x', d='2024-01-01'))
    db.session.commit()
except Exception as e:
    print(type(e).__name__, e.args, e.code)
db.session.rollback()
db.session.add(T(name='a'))
db.session.commit()
try:
    db.session.add(T(name='a'))
    T.query.all()
except Exception as e:
    print(type(e).__name__, e.args, e.code)
db.session.rollback()
try:
    db.session.execute(text('SELECT nope FROM t'))
except Exception as e:
    print(repr(e), e.code, e.args)
