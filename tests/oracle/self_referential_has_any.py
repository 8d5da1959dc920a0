class Employee(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), nullable=False)
    manager_id = db.Column(db.Integer, db.ForeignKey('employee.id'))
    reports = db.relationship('Employee', backref=db.backref('manager', remote_side=[id]))
    def __repr__(self):
        return self.name
db.create_all()
boss = Employee(name='Ada')
db.session.add_all([boss, Employee(name='Bob', manager=boss), Employee(name='Cy', manager=boss)])
db.session.commit()
print(Employee.query.filter(Employee.manager.has(name='Ada')).order_by(Employee.id).all())
print(Employee.query.filter(Employee.reports.any()).order_by(Employee.id).all())
print(Employee.query.filter(Employee.reports.any(Employee.name == 'Cy')).all())
print(Employee.query.filter(~Employee.manager.has()).all())
