# @db.reconstructor on loaded objects; Subquery.alias() / aliased(subquery, name=) /
# Subquery.select(); group_by(None); paginate(max_per_page=None)
class Sale(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    year = db.Column(db.Integer)
    amount = db.Column(db.Float)

    def __init__(self, **kw):
        super().__init__(**kw)
        self.source = 'new'

    @db.reconstructor
    def init_on_load(self):
        self.source = 'loaded'


db.create_all()
s = Sale(year=2023, amount=100.0)
db.session.add_all([s, Sale(year=2024, amount=130.0), Sale(year=2024, amount=20.0)])
db.session.commit()
print(s.source, db.session.get(Sale, 1).source)
db.session.expunge_all()
print([(x.id, x.source) for x in Sale.query.order_by(Sale.id)])
yearly = db.select(Sale.year, func.sum(Sale.amount).label('total')).group_by(Sale.year).subquery()
prev = yearly.alias('prev')
anon = yearly.alias()
stmt = (db.select(yearly.c.year, prev.c.total, anon.c.total)
        .join(prev, prev.c.year == yearly.c.year - 1).join(anon, anon.c.year == yearly.c.year))
print(stmt)
print(db.session.execute(stmt).all())
p2 = db.aliased(yearly, name='p2')
print(p2.name, db.session.execute(db.select(p2.c.year).order_by(p2.c.year)).scalars().all())
print(yearly.select())
print(db.session.execute(yearly.select().order_by(yearly.c.total)).all())
counted = db.select(func.count(Sale.id)).group_by(Sale.year)
print(db.session.execute(counted).scalars().all(), db.session.execute(counted.group_by(None)).scalar())
print(Sale.query.group_by(Sale.year).group_by(None).count())
print(Sale.query.paginate(max_per_page=None).per_page, db.paginate(db.select(Sale), per_page=2, max_per_page=None).pages)
