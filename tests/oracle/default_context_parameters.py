# Context-sensitive defaults: get_current_parameters() holds the statement's bound columns
# (values so far, None for defaults not computed yet and for columns sent as None); an
# onupdate's holds the SET columns and the primary key as its WHERE binds it.
def show(tag):
    def f(context):
        print(tag, context.get_current_parameters())
        return tag
    return f


def make_slug(context):
    return context.get_current_parameters()['title'].lower().replace(' ', '-')


def initial_price(context):
    params = context.get_current_parameters()
    return params['cost'] * 2 if params['cost'] is not None else 0


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    a = db.Column(db.String(10), default=show('a'))
    title = db.Column(db.String(80), nullable=False)
    slug = db.Column(db.String(80), default=make_slug, unique=True)
    cost = db.Column(db.Integer)
    price = db.Column(db.Integer, default=initial_price)
    sd = db.Column(db.String(10), server_default='z')
    nn = db.Column(db.String(10), nullable=True, default=None)
    at = db.Column(db.DateTime, default=db.func.current_timestamp())
    up = db.Column(db.String(10), onupdate=show('up'))

    def __repr__(self):
        return f'<Post {self.slug} {self.cost}->{self.price}>'


db.create_all()
posts = [Post(title='Hello World', cost=5), Post(title='Second Post'), Post(title='Custom', slug='my-own', price=1, a='given')]
db.session.add_all(posts)
db.session.flush()
print([p.slug for p in posts])
db.session.commit()
print(Post.query.order_by(Post.id).all())
p = posts[0]
p.cost = 9
p.title = 'Changed'
db.session.commit()
print(p.slug, p.up)
from sqlalchemy.exc import IntegrityError
try:
    db.session.add(Post(title='hello world'))
    db.session.commit()
except IntegrityError as e:
    db.session.rollback()
    print(e.orig)
try:
    db.session.execute(db.insert(Post).values(title='core one'))
except Exception as e:
    print(type(e).__name__, e)
db.session.execute(db.insert(Post).values(title='core two', cost=2))
db.session.execute(db.insert(Post), [{'title': 'c1', 'cost': 0}, {'title': 'c2', 'cost': 1}])
try:
    db.session.add(Post(title='orm fails', slug='x', price=None))
    db.session.flush()
except Exception as e:
    db.session.rollback()
    print(type(e).__name__, e, type(e.orig).__name__)
print(db.session.execute(db.select(Post.slug, Post.price).order_by(Post.id)).all())
