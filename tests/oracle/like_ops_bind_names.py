# ilike / istartswith / iendswith / icontains (lower() on both sides, the parameter named
# after the column), and bound parameter names: literals given to a function are named
# after it (`:round_1`), counted with the anonymous labels of the same name.
from sqlalchemy import case


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(50))
    price = db.Column(db.Numeric(6, 2))


db.create_all()
db.session.add_all([Book(title='Alice', price=5), Book(title='alan', price=12), Book(title='Bob', price=None),
                    Book(title='50%_off', price=3)])
db.session.commit()
print(Book.title.ilike('%X'), '|', Book.title.notilike('b%'))
print(Book.title.istartswith('al'), '|', Book.title.iendswith('b'), '|', Book.title.icontains('o'))
print(~Book.title.istartswith('al'), '|', Book.title.ilike('a%', escape='/'), '|', Book.title.icontains('%_', autoescape=True))
print(Book.query.filter(Book.title.iendswith('OB') | Book.title.icontains('O')))
print([b.title for b in Book.query.filter(Book.title.istartswith('AL')).order_by(Book.id)])
print([b.title for b in Book.query.filter(Book.title.iendswith('B') | Book.title.icontains('%_', autoescape=True)).order_by(Book.id)])
print([b.title for b in Book.query.filter(~Book.title.icontains('a')).order_by(Book.id)])
print(select(Book.id).where(Book.title.ilike('a%'), Book.title.like('b%'), func.lower(Book.title).ilike('c%')))
print(select(func.coalesce(Book.price, 0), func.coalesce(Book.title, 'x'), func.round(func.avg(Book.price), 2)))
print(select(func.coalesce(Book.price, 0).label('p'), func.max(Book.price) + 1, Book.price * 2))
print(select(Book.id).where(func.coalesce(Book.price, 0) > 5, func.substr(Book.title, 1, 2) == 'ab'))
print(select(func.count(Book.id), func.count(Book.title)).group_by(func.substr(Book.title, 1, 1)))
print(select(case((Book.price > 10, 'hi'), else_='lo'), func.upper('x')))
print(select(func.sum(Book.price + 5), func.length(func.trim(Book.title, ' '))), '|', func.concat(Book.title, '!'))
print(db.session.query(func.coalesce(Book.price, 0)).order_by(Book.id).all())
print(db.session.execute(select(func.substr(Book.title, 1, 2)).where(func.coalesce(Book.price, 0) > 4).order_by(Book.id)).scalars().all())
