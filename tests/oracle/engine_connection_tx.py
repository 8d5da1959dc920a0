# Engine connections share sqlite://'s one database connection with the session: their
# commit commits the session's flushed rows, their rollback (or leaving the block)
# undoes them; the session's own state is left as it was.
class Metric(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


db.create_all()
db.session.add(Metric(id=1, name='a'))
db.session.commit()
with db.engine.connect() as conn:
    print(conn.execute(text('SELECT count(*) FROM metric')).scalar())
    conn.execute(text("INSERT INTO metric (id, name) VALUES (2, 'b')"))
    conn.rollback()
    print(conn.execute(text('SELECT count(*) FROM metric')).scalar())
    conn.execute(text("INSERT INTO metric (id, name) VALUES (3, 'c')"))
    conn.commit()
print(Metric.query.count())
db.session.add(Metric(id=4, name='d'))
db.session.flush()
with db.engine.begin() as conn:
    conn.execute(text("UPDATE metric SET name = 'x' WHERE id = 3"))
db.session.rollback()
print([(m.id, m.name) for m in Metric.query.order_by(Metric.id)])
db.session.add(Metric(id=5, name='e'))
db.session.flush()
with db.engine.connect() as conn:
    print(conn.execute(text('SELECT count(*) FROM metric')).scalar())
db.session.commit()
print(Metric.query.count())
m = db.session.get(Metric, 1)
with db.engine.connect() as conn:
    rows = conn.execute(select(Metric.id, Metric.name).order_by(Metric.id)).all()
    print(rows)
print(m.name, db.session.is_modified(m))
