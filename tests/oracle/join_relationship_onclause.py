class Employee(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), nullable=False)
    manager_id = db.Column(db.Integer, db.ForeignKey('employee.id'))
    reports = db.relationship('Employee', backref=db.backref('manager', remote_side=[id]))


class Task(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(50))
    owner_id = db.Column(db.Integer, db.ForeignKey('employee.id'))
    owner = db.relationship('Employee', backref='tasks')


db.create_all()
boss = Employee(name='Grace')
db.session.add(boss)
db.session.commit()
for n in ['Alan', 'Ada', 'Ken']:
    db.session.add(Employee(name=n, manager=boss))
    db.session.commit()
db.session.add_all([Task(title='plan', owner=boss), Task(title='code', owner=Employee.query.filter_by(name='Ada').one())])
db.session.commit()
mgr = db.aliased(Employee)
print(db.session.query(Employee.name, mgr.name).join(mgr, Employee.manager).order_by(Employee.id).all())
print(db.session.query(Employee.name, mgr.name).outerjoin(mgr, Employee.manager).order_by(Employee.id).all())
print(db.session.query(Task.title, Employee.name).join(Employee, Task.owner).order_by(Task.id).all())
print(Employee.query.join(Task, Employee.tasks).filter(Task.title == 'code').all()[0].name)
print(db.session.execute(db.select(Employee.name, mgr.name).join(mgr, Employee.manager).where(mgr.name == 'Grace').order_by(Employee.name)).all())
