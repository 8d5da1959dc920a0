from sqlalchemy import type_coerce


class Line(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    hours = db.Column(db.Integer)


print(select(type_coerce(Line.hours, db.String)))
print(select(db.cast(Line.hours, db.String)))
print(select(type_coerce(Line.hours, db.String), Line.id))
print(select(type_coerce(Line.hours + 1, db.String)))
print(select(type_coerce(Line.hours, db.String).label('x')))
print(db.session.query(type_coerce(Line.hours, db.String)))
print(select(Line.hours.label('h')).subquery().c.keys())
print(select(type_coerce(Line.hours, db.String)).subquery().c.keys())
db.create_all()
db.session.add_all([Line(hours=3), Line(hours=5)])
db.session.commit()
sq = select(db.cast(Line.hours, db.String), Line.id).subquery()
print(sq.c.keys())
print(db.session.execute(select(sq.c.hours).order_by(sq.c.id)).all())
sq2 = select(type_coerce(Line.hours, db.String)).subquery()
print(db.session.execute(select(sq2.c.hours)).all())
