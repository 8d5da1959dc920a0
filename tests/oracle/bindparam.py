# bindparam(): named parameters filled at execute(), expanding lists in text(), values bound now.
from sqlalchemy import bindparam


class Seat(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    row = db.Column(db.String(2))
    num = db.Column(db.Integer)


db.create_all()
db.session.add_all([Seat(row=r, num=n) for r in 'AB' for n in (1, 2, 3)])
db.session.commit()
stmt = select(Seat.id).where(Seat.num == bindparam('n')).order_by(Seat.id)
print(stmt)
print(db.session.scalars(stmt, {'n': 2}).all(), db.session.execute(stmt, {'n': 3}).scalars().all())
t = text('SELECT id FROM seat WHERE num IN :nums AND "row" = :r ORDER BY id').bindparams(
    bindparam('nums', expanding=True), r='B')
print(db.session.execute(t, {'nums': [1, 3]}).scalars().all())
print(db.session.execute(t, {'nums': []}).scalars().all())
t2 = text('SELECT count(*) FROM seat WHERE num > :lo').bindparams(bindparam('lo', 1))
print(db.session.execute(t2).scalar(), type(bindparam('x')).__name__)
print(db.session.scalars(select(Seat.id).where(Seat.num == db.bindparam('v', 3))).all())
