class Sale(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    region = db.Column(db.String(10))
    amount = db.Column(db.Integer)


class Base:
    pass


class Mixin:
    pass


class Thing(Base):
    pass


db.create_all()
db.session.add_all([Sale(region='n', amount=3), Sale(region='s', amount=4), Sale(region='n', amount=5)])
db.session.commit()
sq = db.session.query(Sale.region, func.sum(Sale.amount).label('total')).group_by(Sale.region).subquery()
print([c.name for c in sq.c], len(sq.c), 'total' in sq.c, 'nope' in sq.c, list(sq.c.keys()))
print(db.session.query(sq.c.region).order_by(sq.c.total.desc()).all())
print(issubclass(Thing, (Mixin, Base)), issubclass(Thing, (Mixin,)))
