# select_from() of an aliased class, join_from() starting at one, and filter_by() after it.
class Emp(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    salary = db.Column(db.Integer)
    manager_id = db.Column(db.Integer, db.ForeignKey('emp.id'))


db.create_all()
db.session.add_all([Emp(name='ann', salary=9), Emp(name='bob', salary=5, manager_id=1),
                    Emp(name='cy', salary=7, manager_id=1)])
db.session.commit()
Mgr = db.aliased(Emp, name='mgr')
print(db.session.execute(select(func.count()).select_from(Mgr)).scalar())
s = select(Mgr.name, func.count(Emp.id)).join_from(Mgr, Emp, Emp.manager_id == Mgr.id).group_by(Mgr.name)
print(s)
print(db.session.execute(s).all())
print(db.session.query(func.max(Mgr.salary)).select_from(Mgr).scalar())
print(db.session.execute(select(Mgr.name).select_from(Mgr).where(Mgr.salary > 6).order_by(Mgr.name)).scalars().all())
print(bool(b''), bool(b'x'), 'empty' if 'ann'.encode()[:0] else 'full')
