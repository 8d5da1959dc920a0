class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
db.create_all()
with db.engine.connect() as c:
    for sql, p in (("INSERT INTO t (name) VALUES (?)", ('a',)), ("SELECT '?', ?", (1,)), ("SELECT ?1, ?1", (5,)),
                   ("SELECT ?, ?", (1,)), ("SELEC ?", (1, 2)), ("SELECT 1 -- ?", ()), ("SELECT :a", (3,))):
        try:
            print(c.exec_driver_sql(sql, p).all() if 'SELECT' in sql.upper()[:6] or 'SELEC' in sql else 'ok')
        except Exception as e:
            print(type(e).__name__, str(e).splitlines()[0])
