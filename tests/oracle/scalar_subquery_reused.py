# One scalar subquery selected and ordered by: its function keeps one anonymous label.
class Dept(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))


class Emp(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    salary = db.Column(db.Integer)
    dept_id = db.Column(db.Integer, db.ForeignKey('dept.id'))


db.create_all()
db.session.add_all([Dept(name='eng'), Dept(name='ops'), Emp(salary=5, dept_id=1),
                    Emp(salary=7, dept_id=1), Emp(salary=4, dept_id=2)])
db.session.commit()
cnt = select(func.count(Emp.id)).where(Emp.dept_id == Dept.id).scalar_subquery()
top = select(func.max(Emp.salary)).where(Emp.dept_id == Dept.id).scalar_subquery()
s = select(Dept.name, cnt, top).order_by(cnt.desc(), top)
print(s)
print(db.session.execute(s).all())
lab = select(func.sum(Emp.salary)).where(Emp.dept_id == Dept.id).label('total')
q = db.session.query(Dept.name, lab).order_by(lab.desc())
print(q)
print(q.all())
sub = db.session.query(func.count(Emp.id)).filter(Emp.dept_id == Dept.id).scalar_subquery()
print(db.session.query(Dept.name).filter(sub > 1).order_by(sub).all())
