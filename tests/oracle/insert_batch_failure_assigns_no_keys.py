class Badge(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    code = db.Column(db.String(10), unique=True)
db.create_all()
a = Badge(code='x')
db.session.add(a)
db.session.flush()
print(a.id)
db.session.rollback()
print(a.id, db.inspect(a).transient)
c = Badge(code='q')
db.session.add(c)
db.session.commit()
a, b = Badge(code='y'), Badge(code='q')
db.session.add_all([a, b])
try:
    db.session.flush()
except Exception as e:
    print(type(e).__name__)
    db.session.rollback()
print(a.id, b.id, db.inspect(a).transient)
a, b = Badge(id=10, code='y'), Badge(id=11, code='q')
db.session.add_all([a, b])
try:
    db.session.flush()
except Exception as e:
    print(type(e).__name__)
    db.session.rollback()
print(a.id, b.id, db.inspect(a).transient)
