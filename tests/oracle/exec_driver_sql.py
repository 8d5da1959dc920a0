# Connection.exec_driver_sql(): SQL given to SQLite as it is, with pysqlite's parameters.
class Bin(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    label = db.Column(db.String(10))
    qty = db.Column(db.Integer)
db.create_all()
with db.engine.connect() as conn:
    conn.exec_driver_sql("INSERT INTO bin (label, qty) VALUES (?, ?)", ("A1", 5))
    conn.exec_driver_sql("INSERT INTO bin (label, qty) VALUES (?, ?)", [("B1", 2), ("C1", 9)])
    conn.exec_driver_sql("INSERT INTO bin (label, qty) VALUES (:l, :q)", {"l": "D1", "q": 0})
    r = conn.exec_driver_sql("SELECT label, qty FROM bin WHERE qty > ? ORDER BY qty", (1,))
    print(list(r.keys()), r.all())
    print(conn.exec_driver_sql("SELECT count(*) FROM bin").scalar())
    print(conn.exec_driver_sql("UPDATE bin SET qty = qty + 1 WHERE qty < 3").rowcount)
    conn.commit()
print(db.session.connection().exec_driver_sql('SELECT sum(qty) FROM bin').scalar())
print(db.session.execute(text("SELECT label FROM bin ORDER BY id")).scalars().all())
try:
    with db.engine.connect() as conn:
        conn.exec_driver_sql("SELECT * FROM nope")
except Exception as e:
    print(type(e).__name__, e.orig)
# The bindings are counted as pysqlite counts them; a list must hold tuples or dicts.
for sql, p in [("SELECT ? + ?", (1,)), ("SELECT ?", None), ("SELECT ?", [3]), ("SELECT ':x', ?", (1,))]:
    try:
        with db.engine.connect() as conn:
            print(conn.exec_driver_sql(sql, p).all())
    except Exception as e:
        print(type(e).__name__, e)
