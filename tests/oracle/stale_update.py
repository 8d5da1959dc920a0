class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
db.create_all()
a, b, c = User(name='a'), User(name='b'), User(name='c')
db.session.add_all([a, b, c])
db.session.commit()
print(a.name, b.name, c.name)
db.session.execute(db.text("DELETE FROM user WHERE id IN (1, 2)"))
a.name = 'A'
b.name = 'B'
c.name = 'C'
try:
    db.session.commit()
except Exception as e:
    print(type(e).__name__, e)
    db.session.rollback()
print(User.query.count())
a, b, c = db.session.get(User, 1), db.session.get(User, 2), db.session.get(User, 3)
print(a.name, b.name, c.name)
db.session.execute(db.text("DELETE FROM user WHERE id = 1"))
a.name = 'A'
try:
    db.session.commit()
except Exception as e:
    print(type(e).__name__, e)
    db.session.rollback()
print(User.query.count(), db.inspect(a).persistent)
