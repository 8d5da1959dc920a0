# A plain table's update() and delete() with returning(): the rows the columns gave.
t = db.Table('t', db.Column('id', db.Integer, primary_key=True), db.Column('v', db.Integer),
             db.Column('note', db.String(10)))
db.create_all()
db.session.execute(t.insert(), [{'v': 1, 'note': 'a'}, {'v': 2, 'note': 'b'}, {'v': 3, 'note': 'c'}])
r = db.session.execute(t.delete().where(t.c.v == 2).returning(t.c.id, t.c.v))
print(r.keys(), r.all())
r = db.session.execute(t.update().where(t.c.v == 1).values(v=5).returning(t.c.v, t.c.note))
print(r.all())
r = db.session.execute(t.update().where(t.c.v > 0).values(note='z').returning(t.c.id))
print(sorted(r.scalars().all()))
r = db.session.execute(t.update().where(t.c.v == 9).values(note='q'))
print(r.rowcount, r.returns_rows)
print(db.session.execute(db.select(t).order_by(t.c.id)).all())
