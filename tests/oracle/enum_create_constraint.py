import enum
from sqlalchemy import MetaData
class Color(enum.Enum):
    RED = 1
    GREEN = 2
class Car(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    color = db.Column(db.Enum(Color, create_constraint=True))
    kind = db.Column(db.Enum('suv', "o'k", create_constraint=True))
    size = db.Column(db.Enum('s', 'm', create_constraint=False, name='sz'))
db.create_all()
print(db.session.execute(text("SELECT sql FROM sqlite_master WHERE name='car'")).scalar())
print(repr(Car.__table__.c.kind.type), repr(Car.__table__.c.color.type))
from sqlalchemy.exc import IntegrityError
db.session.add(Car(kind='bus'))
try:
    db.session.commit()
except IntegrityError as e:
    db.session.rollback()
    print(e.orig)
db.session.add(Car(kind='suv', color=Color.GREEN))
db.session.commit()
print(db.session.execute(text('SELECT kind, color FROM car')).all())
