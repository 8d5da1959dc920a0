from sqlalchemy import event, inspect
from sqlalchemy.orm.attributes import get_history


class Product(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    price = db.Column(db.Float)


log = []


@event.listens_for(Product, 'before_update')
def before(mapper, connection, target):
    log.append(('before', get_history(target, 'price').added, get_history(target, 'price').deleted))


@event.listens_for(Product, 'after_update')
def after(mapper, connection, target):
    h = inspect(target).attrs.price.history
    log.append(('after', h.added, h.deleted, inspect(target).attrs.name.history.unchanged))


db.create_all()
p = Product(name='mug', price=1.0)
q = Product(name='cup', price=3.0)
db.session.add_all([p, q])
db.session.commit()
p.price = 2.5
q.price = 4.0
db.session.commit()
print(log)
print(get_history(p, 'price'), db.session.is_modified(p))
p.name = 'big mug'
db.session.flush()
print(get_history(p, 'name'), log[-1])
db.session.commit()
