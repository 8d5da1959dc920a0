# Selecting only a subquery's columns puts the subquery in FROM: select(), the legacy
# Query, aggregates over it, a named subquery, and filters on its columns.
class Sale(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    rep = db.Column(db.String(10))
    amount = db.Column(db.Integer)


db.create_all()
db.session.add_all([Sale(rep='ann', amount=100), Sale(rep='bob', amount=50), Sale(rep='ann', amount=70),
                    Sale(rep='cy', amount=20)])
db.session.commit()
sub = select(Sale.rep, func.sum(Sale.amount).label('total')).group_by(Sale.rep).subquery()
stmt = select(sub.c.rep).where(sub.c.total > 60)
print(stmt)
print(db.session.execute(stmt.order_by(sub.c.rep)).scalars().all())
print(db.session.execute(select(func.max(sub.c.total), func.count())).one())
best = db.session.query(Sale.rep, func.max(Sale.amount).label('best')).group_by(Sale.rep).subquery()
print(db.session.query(best.c.rep, best.c.best).order_by(best.c.rep).all())
print(db.session.query(func.avg(best.c.best)).scalar())
print(db.session.query(best.c.rep).filter(best.c.best < 60).order_by(best.c.rep.desc()).all())
named = db.session.query(Sale.rep, func.count(Sale.id).label('n')).group_by(Sale.rep).subquery('per_rep')
q = db.session.query(named.c.rep, named.c.n).filter(named.c.n > 1)
print(q)
print(q.all())
print(db.session.query(Sale.rep).join(sub, Sale.rep == sub.c.rep).filter(sub.c.total > 60).distinct().all())
