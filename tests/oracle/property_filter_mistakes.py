# @property and classmethod helpers on models, and what happens when a property is used in a query.
class Employee(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    first = db.Column(db.String(20))
    last = db.Column(db.String(20))
    salary = db.Column(db.Integer)
    manager_id = db.Column(db.Integer, db.ForeignKey('employee.id'))
    reports = db.relationship('Employee', backref=db.backref('manager', remote_side=[id]), lazy='dynamic')

    @property
    def full_name(self):
        return f'{self.first} {self.last}'

    @full_name.setter
    def full_name(self, value):
        self.first, self.last = value.split(' ', 1)

    @classmethod
    def by_last(cls, last):
        return cls.query.filter_by(last=last).first()

    @staticmethod
    def payroll():
        return db.session.query(func.sum(Employee.salary)).scalar()

    def __repr__(self):
        return f'<Employee {self.full_name}>'


db.create_all()
boss = Employee(full_name='Ada Lovelace', salary=300)
db.session.add(boss)
staff = []
for name, s in [('Bob Stone', 100), ('Cyd Van Dam', 120), ('Dot Stone', 90)]:
    e = Employee(full_name=name, salary=s)
    e.manager = boss
    staff.append(e)
db.session.commit()
print(Employee.query.count(), staff[0] in db.session, boss.reports.count())
db.session.add_all(staff)
db.session.commit()
print(Employee.query.order_by(Employee.id).all(), Employee.by_last('Van Dam'), Employee.payroll())
print(boss.reports.order_by(Employee.salary).all(), Employee.by_last('Stone').manager)
print(type(Employee.full_name).__name__, Employee.full_name == 'Ada Lovelace')
print(Employee.query.filter(Employee.first + ' ' + Employee.last == 'Dot Stone').all())
print(Employee.query.filter((Employee.first.concat(' ').concat(Employee.last)).like('%Dam')).all())
print([r for r in db.session.query(Employee.first + '-' + Employee.last).order_by(Employee.id)])
print(db.session.query(func.upper(Employee.last), func.length(Employee.first)).filter(Employee.id == 2).one())
try:
    print(Employee.query.filter(Employee.full_name == 'Ada Lovelace').all())
except Exception as e:
    print(type(e).__name__, str(e)[:70])
try:
    Employee.query.filter_by(full_name='Ada Lovelace').all()
except Exception as e:
    print(type(e).__name__, str(e)[:70])
try:
    Employee.query.order_by('full_name').all()
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0][:80])
print(Employee.query.filter(Employee.salary > Employee.query.with_entities(func.avg(Employee.salary)).scalar_subquery()).all())
raise_pct = 10
Employee.query.filter(Employee.manager_id == boss.id).update({Employee.salary: Employee.salary + Employee.salary * raise_pct / 100})
db.session.commit()
print([(e.first, e.salary) for e in Employee.query.order_by(Employee.id)], Employee.payroll())
