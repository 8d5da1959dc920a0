# Query and Row slices with a step; len() of a pagination; a closed result; fetchmany()
# without a size; a Core executemany's CursorResult; delete()/update() of a Table.
class Card(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    qty = db.Column(db.Integer)


visits = db.Table('visits', db.Column('id', db.Integer, primary_key=True), db.Column('hits', db.Integer))
db.create_all()
db.session.add_all([Card(name=f'c{i}', qty=i) for i in range(6)])
db.session.commit()
print([c.id for c in Card.query.order_by(Card.id)[::2]], [c.id for c in Card.query.order_by(Card.id)[1:5:3]])
row = db.session.query(Card.name, Card.qty, Card.id).filter_by(id=2).one()
print(row[::-1], row[::2], row[1::-1], row[-2:])
p = Card.query.order_by(Card.id).paginate(page=1, per_page=2)
try:
    print(len(p))
except TypeError as e:
    print('TypeError', e)
res = db.session.execute(select(Card.id).order_by(Card.id))
print(res.fetchone(), res.fetchmany())
res.close()
try:
    print(res.fetchall())
except Exception as e:
    print(type(e).__name__, e)
print(db.session.execute(text('SELECT id FROM card ORDER BY id')).fetchmany())
r = db.session.execute(visits.insert(), [{'hits': 1}, {'hits': 9}])
print(type(r).__name__, r.rowcount)
print(db.session.execute(db.update(visits).where(visits.c.hits > 5).values(hits=0)).rowcount)
print(db.session.execute(db.delete(visits).where(visits.c.hits < 5)).rowcount, db.delete(visits))
