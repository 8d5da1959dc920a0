# Recipe site pagination quirks: column selects, eager loads, group_by queries, Pagination attributes.
class Chef(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    dishes = db.relationship('Dish', backref='chef')


class Dish(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    chef_id = db.Column(db.Integer, db.ForeignKey('chef.id'))
    kcal = db.Column(db.Integer)

    def __repr__(self):
        return f'<Dish {self.name}>'


db.create_all()
chefs = [Chef(name=n) for n in ('Ana', 'Ben', 'Cai')]
for i in range(11):
    db.session.add(Dish(name=f'dish{i}', chef=chefs[i % 3], kcal=300 + 50 * (i % 4)))
db.session.commit()

p = db.paginate(db.select(Dish.name, Dish.kcal).order_by(Dish.id), page=1, per_page=3)
print(p.items, p.total)
p = Dish.query.with_entities(Dish.name, Dish.kcal).order_by(Dish.id).paginate(page=2, per_page=3)
print(p.items, p.total, p.pages)
p = Chef.query.options(db.joinedload(Chef.dishes)).order_by(Chef.id).paginate(page=1, per_page=2)
print([(c.name, len(c.dishes)) for c in p.items], p.total)
g = db.session.query(Dish.kcal, func.count(Dish.id)).group_by(Dish.kcal).order_by(Dish.kcal).paginate(page=1, per_page=2)
print(g.items, g.total, g.pages)
j = Dish.query.join(Chef).filter(Chef.name == 'Ben').order_by(Dish.id.desc()).paginate(page=1, per_page=2)
print(j.items, j.total, j.next_num)
d = db.paginate(db.select(Dish).distinct().order_by(Dish.kcal, Dish.id), page=3, per_page=4)
print(d.items, d.total, d.has_next)
print(p.query is not None if hasattr(p, 'query') else 'no query attr')
print(sorted(k for k in ('page', 'per_page', 'total', 'items', 'max_per_page') if hasattr(p, k)))
one = Dish.query.order_by(Dish.id).paginate(page=1, per_page=1)
print(one.pages, list(one.iter_pages()), one.last)
one = Dish.query.order_by(Dish.id).paginate(page=11, per_page=1)
print(list(one.iter_pages()), one.first, one.last, one.has_next)
try:
    Dish.query.paginate(page=1, per_page=0)
except Exception as e:
    print(type(e).__name__, getattr(e, 'code', None))
try:
    Dish.query.paginate(page=1, per_page=-3)
except Exception as e:
    print(type(e).__name__, getattr(e, 'code', None))
z = Dish.query.paginate(page=1, per_page=0, error_out=False)
print(z.per_page, len(z.items), z.pages)
try:
    Dish.query.paginate(1, 5)
except TypeError as e:
    print('TypeError', e)
