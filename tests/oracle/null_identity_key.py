# An Integer primary key with autoincrement=False and no value: the row goes in, then the flush raises FlushError (NULL identity key).
# Integer primary key with autoincrement=False and no value: FlushError in SQLAlchemy.
class NoAuto(db.Model):
    id = db.Column(db.Integer, primary_key=True, autoincrement=False)
    name = db.Column(db.String(10))


db.create_all()
db.session.add(NoAuto(name='d'))
try:
    db.session.commit()
    print('committed', NoAuto.query.count())
except Exception as e:
    db.session.rollback()
    print(type(e).__name__, str(e).split(">")[1][:30])
print(NoAuto.query.count())
