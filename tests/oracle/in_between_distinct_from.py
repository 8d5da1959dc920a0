# in_ / not_in with lists, empty lists and subqueries; between; is_/is_not; isnot_distinct_from.


class Employee(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    dept_id = db.Column(db.Integer, db.ForeignKey('dept.id'), nullable=True)
    salary = db.Column(db.Integer)
    manager_id = db.Column(db.Integer, nullable=True)


class Dept(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    city = db.Column(db.String(20))


db.create_all()
db.session.add_all([Dept(name='eng', city='Oslo'), Dept(name='ops', city='Bergen'), Dept(name='hr', city='Oslo')])
db.session.add_all([Employee(name='ann', dept_id=1, salary=100), Employee(name='bob', dept_id=1, salary=80, manager_id=1),
                    Employee(name='cy', dept_id=2, salary=60, manager_id=1), Employee(name='dee', dept_id=None, salary=55),
                    Employee(name='eve', dept_id=3, salary=None, manager_id=3)])
db.session.commit()
names = lambda q: [e.name for e in q.order_by(Employee.id)]
print(names(Employee.query.filter(Employee.dept_id.in_([1, 3]))))
print(names(Employee.query.filter(Employee.dept_id.not_in([1, 3]))))
print(names(Employee.query.filter(~Employee.dept_id.in_([1, 3]))))
print(names(Employee.query.filter(Employee.dept_id.in_([]))))
print(names(Employee.query.filter(Employee.dept_id.not_in([]))))
oslo = db.session.query(Dept.id).filter(Dept.city == 'Oslo')
print(names(Employee.query.filter(Employee.dept_id.in_(oslo))))
print(names(Employee.query.filter(Employee.dept_id.in_(select(Dept.id).where(Dept.city == 'Bergen')))))
print(names(Employee.query.filter(Employee.dept_id.not_in(oslo.subquery()))))
print(names(Employee.query.filter(Employee.salary.between(60, 100))))
print(names(Employee.query.filter(~Employee.salary.between(60, 100))))
print(names(Employee.query.filter(Employee.manager_id.is_(None))))
print(names(Employee.query.filter(Employee.manager_id.is_not(None))))
print(names(Employee.query.filter(Employee.manager_id != 1)))
print(names(Employee.query.filter(Employee.manager_id.is_distinct_from(1))))
print(names(Employee.query.filter(Employee.dept_id.isnot_distinct_from(Employee.manager_id))))
print(names(Employee.query.filter(Employee.name.in_(('cy', 'ann'))).filter(Employee.salary.isnot(None))))
print(str(Employee.query.filter(Employee.dept_id.in_([1, 2]))).splitlines()[-1])
print(str(Employee.query.filter(Employee.dept_id.not_in([]))).splitlines()[-1])
print(str(Employee.query.filter(Employee.salary.between(1, 2))).splitlines()[-1])
print(str(Employee.query.filter(Employee.dept_id.in_(oslo))).splitlines()[-2:])
print(db.session.query(Employee.name.in_(['ann', 'cy'])).order_by(Employee.id).all())
