# Relationship comparisons through an alias of the class (has/any/== None/!= obj), and
# filter_by() on an aliased join target or an aliased entity.
class Dept(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    staff = db.relationship('Emp', backref='dept')


class Emp(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    dept_id = db.Column(db.Integer, db.ForeignKey('dept.id'))
    boss_id = db.Column(db.Integer, db.ForeignKey('emp.id'))
    reports = db.relationship('Emp', backref=db.backref('boss', remote_side=[id]))


db.create_all()
eng, law = Dept(name='eng'), Dept(name='law')
ann = Emp(name='ann', dept=eng)
db.session.add_all([eng, law, ann, Emp(name='bob', dept=eng, boss=ann), Emp(name='cy')])
db.session.commit()
E, D, B = db.aliased(Emp), db.aliased(Dept), db.aliased(Emp)
print(db.session.scalars(select(E.name).where(E.dept.has(Dept.name == 'eng')).order_by(E.id)).all())
print(db.session.scalars(select(D.name).where(~D.staff.any())).all())
print(db.session.scalars(select(E.name).where(E.dept == None)).all())
print(db.session.scalars(select(E.name).where(E.dept != eng).order_by(E.id)).all())
print(db.session.scalars(select(B.name).where(B.reports.any(Emp.name == 'bob'))).all())
print(db.session.scalars(select(B.name).where(B.boss.has(name='ann'))).all())
print(select(B.name).where(B.reports.any()))
print(db.session.query(Emp.name).join(B, Emp.boss).filter_by(name='ann').all())
print(db.session.scalars(select(Emp).join(D, Emp.dept).filter_by(name='eng').order_by(Emp.id)).all())
print(db.session.query(E.name).filter_by(name='cy').all())
print(db.session.query(E).filter_by(dept_id=None).count())
