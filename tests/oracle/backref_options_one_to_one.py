class Employee(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), nullable=False)
    salary = db.Column(db.Integer, nullable=False)
    dept = db.Column(db.String(20))
    manager_id = db.Column(db.Integer, db.ForeignKey('employee.id'))
    reports = db.relationship('Employee', backref=db.backref('manager', remote_side=[id]))

    def __repr__(self):
        return self.name

class Profile(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    bio = db.Column(db.Text, default='')
    employee_id = db.Column(db.Integer, db.ForeignKey('employee.id'), unique=True)
    employee = db.relationship('Employee', backref=db.backref('profile', uselist=False))

db.create_all()
boss = Employee(name='Ada', salary=200, dept='eng')
e1 = Employee(name='Bob', salary=120, dept='eng', manager=boss)
e2 = Employee(name='Cy', salary=90, dept='ops', manager=boss)
e3 = Employee(name='Di', salary=95, dept='ops', manager=e2)
db.session.add_all([boss, e1, e2, e3])
db.session.add(Profile(bio='Founder', employee=boss))
db.session.commit()
print(boss.reports, e3.manager, e3.manager.manager, boss.manager)
print(boss.profile.bio, e1.profile)
print(db.session.query(Employee.dept, func.count(Employee.id), func.avg(Employee.salary)).group_by(Employee.dept).having(func.count(Employee.id) > 1).order_by(Employee.dept).all())
print(db.session.query(func.lower(Employee.name), func.length(Employee.name)).order_by(Employee.id).all())
print(Employee.query.distinct(Employee.dept).count(), db.session.query(Employee.dept).distinct().order_by(Employee.dept).all())
sub = db.session.query(func.avg(Employee.salary)).scalar_subquery()
print(Employee.query.filter(Employee.salary > sub).order_by(Employee.name).all())
print(db.session.query(Employee.name, func.coalesce(Employee.manager_id, 0)).order_by(Employee.id).all())
print(db.session.query(func.max(Employee.salary).label('top')).first().top)
by_salary = sorted(Employee.query.all(), key=lambda e: (-e.salary, e.name))
print(by_salary, [e.name for e in by_salary if e.salary >= 95])
stats = {}
for e in Employee.query.order_by(Employee.id):
    stats.setdefault(e.dept, []).append(e.salary)
print(stats, {k: max(v) for k, v in stats.items()}, list(stats.keys()))
print(', '.join(e.name.upper() for e in Employee.query.order_by(Employee.name.desc())))
print(Employee.query.filter(Employee.manager.has(name='Ada')).order_by(Employee.id).all())
print(Employee.query.filter(Employee.reports.any()).order_by(Employee.id).all())
e1.salary += 10
db.session.flush()
print(db.session.query(func.sum(Employee.salary)).scalar())
db.session.rollback()
print(e1.salary, db.session.query(func.sum(Employee.salary)).scalar())
print(Employee.query.filter(Employee.name.in_([])).all(), Employee.query.filter(Employee.dept == None).count())
total = 0
i = 0
while True:
    i += 1
    if i % 2:
        continue
    total += i
    if i > 8:
        break
print(total, divmod(17, 5), 7 // 2, -7 // 2, 2 ** 10, 10 / 4, round(2.675, 2), abs(-3))
a, *rest = [1, 2, 3]
print(a, rest, 'x'.join(['a', 'b']), 'abc'[::-1], 'Hello'.center(9, '*'), '  s '.strip())
