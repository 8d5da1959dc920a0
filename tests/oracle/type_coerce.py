# type_coerce(): a result type without a CAST.
from sqlalchemy import type_coerce


class Line(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    hours = db.Column(db.Integer)
    note = db.Column(db.String(10))


db.create_all()
db.session.add_all([Line(hours=3, note='7'), Line(hours=4, note='8')])
db.session.commit()
print(db.session.query(type_coerce(Line.hours, db.String)).order_by(Line.id).all())
print(db.session.query(db.type_coerce(func.sum(Line.hours), db.Numeric(10, 2))).scalar())
print(db.session.execute(select(type_coerce(Line.note, db.Integer).label('n'))).all())
print(db.session.scalars(select(Line.id).where(type_coerce(Line.note, db.Integer) == 8)).all())
print(select(type_coerce(Line.hours, db.String).label('h')))
