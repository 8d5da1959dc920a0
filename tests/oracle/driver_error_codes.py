from sqlalchemy.exc import IntegrityError, OperationalError
class Account(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(50), unique=True, nullable=False)
    age = db.Column(db.Integer, db.CheckConstraint('age >= 0'))


db.create_all()
db.session.add(Account(email='a@x'))
db.session.commit()
for kw in ({'email': 'a@x'}, {'email': None}, {'email': 'b@x', 'age': -1}, {'id': 1, 'email': 'c@x'}):
    db.session.add(Account(**kw))
    try:
        db.session.commit()
    except IntegrityError as e:
        db.session.rollback()
        print(e.orig.sqlite_errorname, e.orig.sqlite_errorcode, e.orig)
try:
    db.session.execute(text('SELECT * FROM nope'))
except OperationalError as e:
    print(e.orig.sqlite_errorname, e.orig.sqlite_errorcode, e.orig)
