# tuple_(): row values in comparisons and IN lists.
from sqlalchemy import tuple_


class Seat(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    row = db.Column(db.String(2))
    num = db.Column(db.Integer)


db.create_all()
db.session.add_all([Seat(row=r, num=n) for r in 'AB' for n in (1, 2, 3)])
db.session.commit()
pairs = [('A', 2), ('B', 3)]
print(db.session.scalars(select(Seat.id).where(tuple_(Seat.row, Seat.num).in_(pairs)).order_by(Seat.id)).all())
print(select(Seat.id).where(tuple_(Seat.row, Seat.num).in_(pairs)))
print(Seat.query.filter(db.tuple_(Seat.row, Seat.num) > ('A', 2)).with_entities(Seat.id).order_by(Seat.id).all())
print(select(Seat.id).where(tuple_(Seat.row, Seat.num) >= tuple_('B', 1)))
print(db.session.scalars(select(Seat.id).where(tuple_(Seat.row, Seat.num).not_in(pairs)).order_by(Seat.id)).all())
