from sqlalchemy import inspect


class L(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    watts = db.Column(db.Integer)
    name = db.Column(db.String(20))


db.create_all()
e = L()
print(inspect(e).modified, db.session.is_modified(e))
l = L(watts=40)
print(inspect(l).modified)
db.session.add(l)
print(db.session.is_modified(l), inspect(l).modified)
db.session.commit()
print(inspect(l).modified, db.session.is_modified(l))
l.watts
print(inspect(l).modified)
l.watts = 40
print(inspect(l).modified, db.session.is_modified(l))
db.session.commit()
l.watts
db.session.expunge(l)
print(inspect(l).modified)
l.watts = 60
print(inspect(l).modified, inspect(l).detached)
db.session.add(l)
print(inspect(l).modified, l in db.session.dirty)
db.session.commit()
print(db.session.execute(text('SELECT watts FROM l')).scalar())
