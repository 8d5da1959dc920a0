# A Core executemany compiles from the first parameter set: later sets' other keys are dropped, a missing key is an error.
tags = db.Table(
    'tags',
    db.Column('id', db.Integer, primary_key=True),
    db.Column('name', db.String(20)),
    db.Column('weight', db.Float, default=1.0),
)

db.create_all()
db.session.execute(tags.insert(), [{'name': 'python'}, {'name': 'sql', 'weight': 2.5}])
print(db.session.execute(select(tags).order_by(tags.c.id)).fetchall())
try:
    db.session.execute(tags.insert(), [{'name': 'a', 'weight': 3.0}, {'name': 'b'}])
except Exception as e:
    print(type(e).__name__, e)
db.session.rollback()
db.session.execute(db.insert(tags), [{'weight': 4.0, 'name': 'c'}, {'name': 'd', 'weight': 5.0, 'id': 9}])
print(db.session.execute(select(tags).order_by(tags.c.id)).fetchall())
