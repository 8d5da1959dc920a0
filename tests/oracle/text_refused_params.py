class K(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    k = db.Column(db.String(10))
db.create_all()
for sql, p in (('SELECT :x', {'x': [1]}), ('SELECT 1 WHERE 1 IN :ks', {'ks': [1, 2]}), ('SELECT :a, :b', {'a': 1, 'b': {'z': 1}})):
    try:
        db.session.execute(text(sql), p)
    except Exception as e:
        print(type(e).__name__, '|', str(e))
        print(e.orig)
        db.session.rollback()
print(K.query.count())
class E(db.Model):
    id = db.Column(db.Integer, primary_key=True)
for n, f in (('a', lambda: E.id.in_(1, 2)), ('b', lambda: E.id.notin_(1, 2)), ('c', lambda: E.id.not_in(1, 2, 3)), ('d', lambda: E.id.in_())):
    try:
        f()
    except Exception as e:
        print(n, type(e).__name__, e)
