# Operands given by name (in_(other=...), between(cleft=, cright=)); the regexp methods'
# missing operands; an aggregate FILTER's over() takes its arguments by position; a
# subquery of a column selected twice still runs.
class Car(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    year = db.Column(db.Integer)


db.create_all()
db.session.add_all([Car(name='a', year=1990), Car(name='b', year=1995), Car(name='a', year=2001)])
db.session.commit()
print(Car.id.in_(other=[1, 2]), Car.id.is_(other=None), Car.year.between(cleft=1, cright=2))
print(Car.year.between(1, cright=2), Car.name.like(other='a%'))
for fn in [lambda: Car.name.regexp_replace('a'), lambda: Car.name.regexp_replace(),
           lambda: Car.name.regexp_match()]:
    try:
        fn()
    except TypeError as e:
        print(type(e).__name__, e)
w = func.count(Car.id).filter(Car.year > 1991).over(Car.name)
print(w)
print(db.session.execute(select(Car.name, w).order_by(Car.id)).all())
sq = select(Car.year, Car.year).subquery()
print(db.session.execute(select(sq).order_by(sq.c.year)).all())
q = db.session.query(Car.year, Car.year).subquery()
print(db.session.query(q).order_by(q.c.year).all())
cte = select(Car.id, Car.year, Car.year).cte()
print(db.session.execute(select(cte.c.id).order_by(cte.c.id)).scalars().all())
