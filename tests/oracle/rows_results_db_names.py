# Rows compare, order and hash as tuples; dict() of rows; Result.tuples(); lastrowid;
# the reprs of NotFound, MetaData and db.Model; db.<any sqlalchemy name> and its errors.
from sqlalchemy.orm import validates


class City(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    pop = db.Column(db.Integer)

    @db.validates('name')
    def check_name(self, key, value):
        return value.title()


db.create_all()
r = db.session.execute(db.insert(City).values(name='oslo', pop=700))
print(r.lastrowid, r.inserted_primary_key)
r = db.session.execute(text("INSERT INTO city (name, pop) VALUES ('Rome', 2873)"))
print(r.lastrowid, r.rowcount)
db.session.add(City(name='bergen', pop=285))
db.session.commit()
rows = db.session.query(City.name, City.pop).order_by(City.id).all()
print(rows[0] == ('Oslo', 700), rows[0] != ('Oslo', 700), ('Rome', 2873) in rows, rows[0] == ['Oslo', 700])
print(rows == [('Oslo', 700), ('Rome', 2873), ('Bergen', 285)], rows[0] < ('Z', 0), rows[1] > rows[0])
print(sorted(rows), max(rows), set(rows) == {('Oslo', 700), ('Rome', 2873), ('Bergen', 285)})
print(dict(db.session.query(City.name, City.id).order_by(City.id).all()))
print(dict(db.session.execute(select(City.id, City.name).order_by(City.id)).all()))
print(db.session.execute(select(City.id, City.name).order_by(City.id)).tuples().all())
row = db.session.query(City.name).first()
try:
    row.qty
except AttributeError as e:
    print(repr(e))
try:
    row['name']
except TypeError as e:
    print(e)
try:
    db.get_or_404(City, 9)
except Exception as e:
    print(repr(e), [e], e.code)
print(db.metadata, db.Model, City)
print(db.union is not None, db.validates is validates or 'same fn', hasattr(db, 'nonexistent_name'))
try:
    db.nonexistent_name
except AttributeError as e:
    print(repr(e))
try:
    from sqlalchemy import relationship
except ImportError as e:
    print(type(e).__name__)
