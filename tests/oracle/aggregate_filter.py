class E(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    g = db.Column(db.Integer)
    k = db.Column(db.String(5))


db.create_all()
db.session.add_all([E(g=90, k='a'), E(g=50, k='b'), E(g=75, k='a'), E(g=None, k='b')])
db.session.commit()
print(db.session.query(func.count(E.id).filter(E.g >= 70)).scalar())
print(db.session.execute(select(func.sum(E.g).filter(E.g < 80))).scalar())
row = db.session.execute(select(E.k, func.count().filter(E.g > 60), func.avg(E.g).filter(E.g.is_not(None)).label('avg_g'))
                         .group_by(E.k).order_by(E.k)).all()
print(row, row[0]._fields)
q = db.session.query(E.k, func.count(E.id).filter(E.g >= 70).label('hi')).group_by(E.k).order_by(E.k)
print(q.all())
print(str(select(func.count(E.id).filter(E.g >= 70, E.k == 'a'))))
print(str(func.max(E.g).filter(E.k == 'a')))
print(db.session.query(func.count(E.id).filter(E.g >= 70).over(partition_by=E.k)).order_by(E.id).all())
