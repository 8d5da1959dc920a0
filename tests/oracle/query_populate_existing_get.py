# Query.populate_existing().get() must refresh the already-loaded object.
class Counter(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    hits = db.Column(db.Integer, default=0)


db.create_all()
db.session.add(Counter())
db.session.commit()
c = db.session.get(Counter, 1)
db.session.execute(text('UPDATE counter SET hits = 5'))
print(c.hits, Counter.query.first().hits)
print(Counter.query.populate_existing().get(1).hits)
print(c.hits)
