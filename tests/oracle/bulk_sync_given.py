# Bulk UPDATE's synchronization stores the values as given on the loaded objects.
from decimal import Decimal


class Gem(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    carat = db.Column(db.Float)
    price = db.Column(db.Numeric(8, 2))
    rare = db.Column(db.Boolean, default=False)
    name = db.Column(db.String(20))


db.create_all()
db.session.add_all([Gem(carat=1.5, price=3, name='ruby'), Gem(carat=2.0, price=5, name='opal')])
db.session.commit()
g = db.session.get(Gem, 1)
h = db.session.get(Gem, 2)
db.session.execute(db.update(Gem).values(carat=0, price=2.5))
print(repr(g.carat), repr(g.price), repr(h.carat))
Gem.query.update({'carat': 2, Gem.price: Decimal('7.5')}, synchronize_session='evaluate')
print(repr(g.carat), repr(g.price))
Gem.query.filter(Gem.id == 1).update({'rare': 1, 'name': 'RUBY'}, synchronize_session='fetch')
print(repr(g.rare), repr(g.name), repr(h.rare))
Gem.query.update({Gem.carat: Gem.carat + 1})
print(repr(g.carat), repr(h.carat))
db.session.commit()
print(repr(g.carat), repr(g.price), repr(g.rare))
