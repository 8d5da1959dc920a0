class Cell(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    n = db.Column(db.Integer)
    day = db.Column(db.Date)
    s = db.Column(db.String(10))
    t = db.Column(db.String(10))


db.create_all()
for kw in [{'s': ['a', 'b'], 'n': 3}, {'t': {'k': 1}, 'day': '2024-01-01'}, {'s': 'x', 't': ['z']}]:
    try:
        db.session.add(Cell(**kw))
        db.session.commit()
    except Exception as e:
        db.session.rollback()
        print(type(e).__name__, '|', e)
        print(repr(e.orig), e.params)
c = Cell(n=1)
db.session.add(c)
db.session.commit()
c.s = [1]
c.t = 'q'
try:
    db.session.commit()
except Exception as e:
    db.session.rollback()
    print(type(e).__name__, '|', e)
