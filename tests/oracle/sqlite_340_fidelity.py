# What the reference's sqlite3 driver and SQLite 3.40 give: round() of halfway cases, rowcount
# of DDL and of deletes with ON DELETE CASCADE, datatype mismatch as IntegrityError,
# func.cast(), empty or_()/and_(), and the DOUBLE types.
from sqlalchemy.exc import IntegrityError


class Sale(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    price = db.Column(db.Float)
    ratio = db.Column(db.Double)
    rate = db.Column(db.DOUBLE_PRECISION)


db.create_all()
db.session.add_all([Sale(price=2.5), Sale(price=2.85), Sale(price=10.99), Sale(price=5.5)])
db.session.commit()
print(db.session.query(func.round(func.avg(Sale.price), 2)).filter(Sale.id <= 2).scalar())
print(db.session.query(func.round(func.avg(Sale.price), 2)).filter(Sale.id > 2).scalar())
print(db.session.execute(text('SELECT round(2.675, 2), round(-2.675, 2), round(1.005, 2), round(2.5), '
                              'round(-0.5), round(15.375, 2), round(NULL, 1), round(3.14159, NULL)')).one())
print(db.session.query(Sale.id, func.round(Sale.price * 1.15, 1)).order_by(Sale.id).all())
print(db.session.query(func.cast(Sale.price * 2, db.String)).order_by(Sale.id).first())
print(Sale.query.filter(or_(*[])).count(), Sale.query.filter(and_(*[]), Sale.price > 5).count())
print(db.session.execute(text("SELECT sql FROM sqlite_master WHERE name = 'sale'")).scalar())
print(db.session.execute(text('CREATE TABLE parent (id INTEGER PRIMARY KEY)')).rowcount)
db.session.execute(text('CREATE TABLE child (id INTEGER PRIMARY KEY, '
                        'parent_id INTEGER REFERENCES parent(id) ON DELETE CASCADE)'))
db.session.execute(text('PRAGMA foreign_keys = ON'))
db.session.execute(text('INSERT INTO parent VALUES (1)'))
print(db.session.execute(text('INSERT INTO child VALUES (1, 1), (2, 1)')).rowcount)
print(db.session.execute(text('DELETE FROM parent WHERE id = 1')).rowcount,
      db.session.execute(text('SELECT count(*) FROM child')).scalar())
db.session.commit()
try:
    db.session.add(Sale(id='abc', price=1))
    db.session.commit()
except IntegrityError as e:
    db.session.rollback()
    print(type(e).__name__, e.orig)
