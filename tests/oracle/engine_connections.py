class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    v = db.Column(db.Integer)
db.create_all()
with db.engine.begin() as conn:
    conn.execute(db.text('INSERT INTO t (v) VALUES (:v)'), [{'v': 1}, {'v': 2}])
with db.engine.connect() as conn:
    conn.execute(db.text('INSERT INTO t (v) VALUES (3)'))
    print(conn.execute(db.text('SELECT count(*) FROM t')).scalar())
with db.engine.connect() as conn:
    print(conn.execute(db.text('SELECT count(*) FROM t')).scalar())
    conn.execute(db.text('INSERT INTO t (v) VALUES (4)'))
    conn.commit()
print(T.query.count(), [t.v for t in T.query.order_by(T.id)])
