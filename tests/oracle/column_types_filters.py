import json
from decimal import Decimal
class Product(db.Model):
    __tablename__ = 'products'
    id = db.Column(db.Integer, primary_key=True)
    sku = db.Column(db.String(20), unique=True, nullable=False)
    price = db.Column(db.Numeric(10, 2), nullable=False, default=Decimal('0.00'))
    weight = db.Column(db.Float)
    active = db.Column(db.Boolean, default=True)
    tags = db.Column(db.JSON, default=list)
    added = db.Column(db.Date)
db.create_all()
db.session.add_all([
    Product(sku='A-1', price=Decimal('9.99'), weight=1.5, tags=['x', 'y'], added=date(2024, 1, 5)),
    Product(sku='B_2', price=Decimal('19.50'), weight=None, active=False, added=date(2024, 2, 1)),
    Product(sku='C%3', price=5, weight=0.25, tags={'k': 1}),
])
db.session.commit()
q = Product.query
print(q.filter(Product.sku.like('A%')).count(), q.filter(Product.sku.contains('_', autoescape=True)).count(), q.filter(Product.sku.startswith('C%', autoescape=True)).count())
print(q.filter(Product.price.between(5, 10)).order_by(Product.price).all())
print([p.sku for p in q.filter(Product.weight.is_(None))], [p.sku for p in q.filter(Product.active.is_(False))])
print(q.filter(Product.sku.notin_(['A-1'])).order_by(Product.sku.desc()).first().sku)
print(db.session.query(func.sum(Product.price), func.avg(Product.weight), func.count(Product.weight), func.count()).one())
print(db.session.query(func.group_concat(Product.sku, '|')).scalar())
print([(p.sku, p.tags, p.added) for p in q.order_by(Product.id)])
print(json.dumps([{'sku': p.sku, 'price': p.price, 'added': p.added} for p in q.order_by(Product.id)], default=str))
print(db.session.query(Product.active, func.count(Product.id)).group_by(Product.active).having(func.count(Product.id) > 0).order_by(Product.active).all())
print(q.filter(Product.added >= date(2024, 1, 10)).all(), q.filter(Product.added == None).one().sku)
print(q.order_by(Product.weight.desc().nullslast()).all(), q.order_by(Product.weight).all())
p = q.get(1)
p.price = p.price * 2
p.tags = p.tags + ['z']
db.session.commit()
print(p.price, p.tags, type(p.price).__name__, round(p.weight * 3, 2))
print(db.session.execute(db.select(Product.sku).where(Product.price > Decimal('10')).order_by(Product.sku)).scalars().all())
print(db.session.query(Product).filter(Product.tags.is_not(None)).count(), Product.__table__.c.price.type, repr(Product.__table__.c.tags.type))
