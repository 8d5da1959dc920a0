# Session.get_transaction()/get_nested_transaction(); Table.insert().values() with
# tuples; a self-referential relationship joined without an alias.
t = db.Table('t', db.Column('a', db.Integer), db.Column('b', db.Integer), db.Column('c', db.String(5)))


class Emp(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    boss_id = db.Column(db.Integer, db.ForeignKey('emp.id'))
    reports = db.relationship('Emp')


db.create_all()
db.session.commit()
print(db.session().get_transaction(), db.session().get_nested_transaction(), hasattr(db.session, "get_transaction"))
db.session.execute(t.insert().values([(1, 2, 'x'), (3, 4, 'y')]))
db.session.execute(t.insert().values((5, 6)))
print(db.session().get_transaction() is not None, db.session().in_transaction())
print(db.session.execute(db.select(t)).all())
sp = db.session.begin_nested()
print(db.session().get_nested_transaction() is not None)
sp.commit()
print(db.session().get_nested_transaction())
db.session.commit()
print(db.session().get_transaction())
try:
    print(db.session.query(Emp.id).join(Emp.reports).all())
except Exception as e:
    print(type(e).__name__, e)
boss = db.aliased(Emp)
print(db.session.query(Emp.id).join(boss, Emp.reports).all())
