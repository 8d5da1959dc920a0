# Session state around a failed flush: the transaction stays (inactive) until rollback().
from sqlalchemy.exc import IntegrityError
class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10), unique=True, nullable=False)
db.create_all()
print("start", db.session().in_transaction(), db.session.is_active)
db.session.add(Tag(name="a"))
db.session.flush()
print("flushed", db.session().in_transaction(), db.session.is_active)
db.session.commit()
print("committed", db.session().in_transaction(), db.session.is_active)
db.session.add_all([Tag(name="b"), Tag(name="b")])
try:
    db.session.commit()
except IntegrityError as e:
    print(type(e).__name__, e.orig)
print("failed", db.session().in_transaction(), db.session.is_active)
try:
    db.session.query(Tag).count()
except Exception as e:
    print(type(e).__name__, str(e).split(".")[0])
db.session.rollback()
print("rolled back", db.session().in_transaction(), db.session.is_active)
print(db.session.query(Tag).count(), db.session().in_transaction())
