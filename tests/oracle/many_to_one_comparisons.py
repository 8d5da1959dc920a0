class Dept(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30), unique=True)
    employees = db.relationship('Emp', backref='dept', lazy='select', order_by='Emp.name')
    def __repr__(self):
        return self.name

class Emp(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    salary = db.Column(db.Float)
    dept_id = db.Column(db.Integer, db.ForeignKey('dept.id'))
    def __repr__(self):
        return f'{self.name}({self.salary:g})'

db.create_all()
eng, ops = Dept(name='eng'), Dept(name='ops')
db.session.add_all([eng, ops, Emp(name='zed', salary=10.5, dept=eng), Emp(name='amy', salary=20, dept=eng), Emp(name='bo', salary=7.25, dept=ops), Emp(name='cy', salary=3)])
db.session.commit()
print(eng.employees, ops.employees)
for d in Dept.query.order_by(Dept.name):
    total = sum(e.salary for e in d.employees)
    print(f'{d.name:<4}{len(d.employees):>2}{total:>8.2f}', max((e.salary for e in d.employees), default=0))
print(Emp.query.filter(Emp.dept == None).all(), Emp.query.filter(Emp.dept != eng).order_by(Emp.id).all())
print(Emp.query.filter(Emp.dept.has(Dept.name.like('e%'))).order_by(Emp.salary.desc()).all())
print(Emp.query.with_parent(eng).order_by(Emp.salary).all())
print(db.session.query(Dept.name, func.round(func.avg(Emp.salary), 2)).join(Dept.employees).group_by(Dept.name).order_by(Dept.name).all())
e = Emp.query.filter_by(name='cy').one()
e.dept = ops
db.session.commit()
print(ops.employees, e.dept_id)
ops.employees.remove(e)
db.session.commit()
print(e.dept, e.dept_id, Emp.query.count())
print(Emp.query.order_by(Emp.salary.asc().nullslast()).first(), Emp.query.filter(Emp.salary.in_([3, 20])).count())
print(repr(Emp.query.get(2).salary), Emp.query.filter(Emp.salary > 10).count(), Emp.query.filter(Emp.name.notlike('%y')).count())
