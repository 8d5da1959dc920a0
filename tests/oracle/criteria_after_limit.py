class City(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))

db.create_all()
db.session.add_all([City(name=n) for n in 'abc'])
db.session.commit()
for f in [lambda q: q.order_by(City.id), lambda q: q.filter(City.id > 1), lambda q: q.filter_by(id=1),
          lambda q: q.group_by(City.id), lambda q: q.join(City, City.id == City.id), lambda q: q.limit(1), lambda q: q.offset(1), lambda q: q.distinct(), lambda q: q.having(City.id > 1)]:
    for base in [City.query.limit(3), City.query.offset(1)]:
        try:
            print(len(f(base).all()))
        except Exception as e:
            print(type(e).__name__, e)
try:
    print(City.query.limit(2).paginate(page=1, per_page=5).total)
except Exception as e:
    print(type(e).__name__, e)
print(db.paginate(db.select(City).limit(2), page=1, per_page=5).total)
print(db.paginate(db.select(City).offset(1), page=1, per_page=5).total)
print(db.select(City).limit(2).order_by(City.id))
print(db.select(City).limit(2).where(City.id > 0))
