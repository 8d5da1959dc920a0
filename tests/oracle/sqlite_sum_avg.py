# sum()/total()/avg() as SQLite 3.40.1 computes them: naive double addition, integer sums
# (integer overflow), NULLs, no rows, text under numeric affinity, window frames
class Reading(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    grp = db.Column(db.String(5))
    value = db.Column(db.Float)
    n = db.Column(db.Integer)


db.create_all()
vals = [('a', 0.1, 1), ('a', 0.2, 2), ('a', 0.3, None), ('b', 1e16, 4), ('b', 1.0, 5), ('b', -1e16, 6), ('c', None, None)]
db.session.add_all([Reading(grp=g, value=v, n=n) for g, v, n in vals])
db.session.commit()
print(db.session.query(func.sum(Reading.value)).scalar())
print(db.session.query(func.avg(Reading.value)).scalar())
q = db.session.query(Reading.grp, func.sum(Reading.value), func.total(Reading.value), func.avg(Reading.value),
                     func.sum(Reading.n), func.avg(Reading.n), func.count(Reading.n)).group_by(Reading.grp).order_by(Reading.grp)
for row in q:
    print(row)
print(db.session.execute(text("SELECT sum(value), total(value), avg(value) FROM reading WHERE id > 100")).one())
print(db.session.execute(text("SELECT sum(x), total(x), avg(x) FROM (SELECT '12' AS x UNION ALL SELECT ' 3 ' UNION ALL SELECT '2.5abc' UNION ALL SELECT 'zz')")).one())
print(db.session.execute(text("SELECT sum(x) FROM (SELECT 7 AS x UNION ALL SELECT '8')")).one())
print(db.session.execute(text("SELECT sum(DISTINCT n), avg(DISTINCT n) FROM (SELECT n FROM reading UNION ALL SELECT 1)")).one())
print(db.session.execute(text("SELECT sum(n) FILTER (WHERE n > 2) FROM reading")).one())
w = db.session.execute(text(
    "SELECT id, sum(value) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), "
    "total(n) OVER (ORDER BY id ROWS 2 PRECEDING), avg(value) OVER (PARTITION BY grp ORDER BY id), "
    "sum(n) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM reading ORDER BY id"))
for row in w:
    print(row)
print(db.session.query(Reading.id, func.sum(Reading.value).over(order_by=Reading.id)).order_by(Reading.id).all())
try:
    db.session.execute(text("SELECT sum(x) FROM (SELECT 9223372036854775807 AS x UNION ALL SELECT 1)")).all()
except Exception as e:
    print(type(e).__name__, e.orig)
print(db.session.execute(text("SELECT total(x), avg(x) FROM (SELECT 9223372036854775807 AS x UNION ALL SELECT 1)")).one())
print(db.session.execute(text("SELECT sum(x) FROM (SELECT 9223372036854775807 AS x UNION ALL SELECT 1.5 UNION ALL SELECT 1)")).one())
print(db.session.execute(text("SELECT count(*), sum(1), min(value), max(value) FROM reading")).one())
