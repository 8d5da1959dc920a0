# begin_nested() with no transaction open: pysqlite sends no BEGIN, so the SAVEPOINT begins
# SQLite's transaction and its RELEASE commits; inside a transaction it nests as usual.
class Account(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner = db.Column(db.String(20))


db.create_all()
db.session.commit()
with db.session.begin_nested():
    db.session.add(Account(owner='carol'))
db.session.rollback()
print(db.session.scalars(select(Account.owner).order_by(Account.owner)).all())
db.session.add(Account(owner='dave'))
db.session.flush()
with db.session.begin_nested():
    db.session.add(Account(owner='erin'))
db.session.rollback()
print(db.session.scalars(select(Account.owner).order_by(Account.owner)).all())
db.session.commit()
print(db.session.scalars(select(Account.owner).order_by(Account.owner)).all())
