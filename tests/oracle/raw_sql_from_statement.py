class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    age = db.Column(db.Integer)
db.create_all()
db.session.execute(db.text('INSERT INTO user (name, age) VALUES (:n, :a)'), [{'n': 'ann', 'a': 30}, {'n': 'bob', 'a': 25}, {'n': 'cy', 'a': None}])
db.session.commit()
r = db.session.execute(db.text('SELECT id, name, age FROM user WHERE age > :min ORDER BY age'), {'min': 20})
print(r.keys(), r.fetchone(), r.fetchall())
rows = db.session.execute(db.text('SELECT * FROM user')).mappings().all()
print(rows[0]['name'], dict(rows[1]), [dict(r) for r in rows][-1])
print(db.session.execute(db.text('SELECT count(*) FROM user')).scalar_one(), db.session.execute(db.text('SELECT name FROM user')).scalars().all())
res = db.session.execute(db.text('UPDATE user SET age = age + 1 WHERE age IS NOT NULL'))
print(res.rowcount)
stmt = db.text('SELECT name, age FROM user WHERE name = :name').bindparams(name='bob')
print(db.session.execute(stmt).one(), db.session.execute(stmt).first().age)
for row in db.session.execute(db.text('SELECT name, age FROM user ORDER BY id')):
    print(row.name, row[1], row._mapping['age'], tuple(row))
users = User.query.from_statement(db.text('SELECT * FROM user WHERE age IS NULL')).all() if hasattr(User.query, 'from_statement') else None
print(users)
print(db.session.execute(db.select(User).from_statement(db.text('SELECT * FROM user ORDER BY name DESC'))).scalars().all())
with db.engine.connect() as conn:
    print(conn.execute(db.text('SELECT 1 + 1')).scalar())
print(db.session.execute(db.text("SELECT datetime('2024-01-01', '+1 day')")).scalar(), db.session.execute(db.text('SELECT :x * 2'), {'x': 21}).scalar())
try:
    db.session.execute(db.text('SELECT * FROM nope'))
except Exception as e:
    print(type(e).__name__, e.orig)
