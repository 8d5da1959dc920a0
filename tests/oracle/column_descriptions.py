# column_descriptions of a Query and of a select(): name, type, aliased, expr, entity.
class Sale(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    region = db.Column(db.String(10))
    amount = db.Column(db.Numeric(8, 2))


db.create_all()
S = db.aliased(Sale)
for q in (db.session.query(Sale, Sale.region, func.sum(Sale.amount).label('total'), func.count()),
          select(Sale.id, S, (Sale.amount * 2).label('double'), db.literal(1))):
    for d in q.column_descriptions:
        e = d['entity']
        print(list(d), d['name'], repr(d['type']), d['aliased'],
              e.__name__ if isinstance(e, type) else type(e).__name__)
print(Sale.query.column_descriptions[0]['expr'] is Sale)
print(str(select(Sale.region).column_descriptions[0]['expr']))
