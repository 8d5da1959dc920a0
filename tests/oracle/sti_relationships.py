# Single-table inheritance with relationships: a company's employees of several kinds.
class Company(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), unique=True)
    employees = db.relationship('Employee', backref='company', lazy=True)

    def __repr__(self):
        return f'<Company {self.name}>'


class Employee(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), nullable=False)
    discriminator = db.Column('type', db.String(20))
    company_id = db.Column(db.Integer, db.ForeignKey('company.id'))
    __mapper_args__ = {'polymorphic_on': discriminator, 'polymorphic_identity': 'employee'}

    def __repr__(self):
        return f'<{type(self).__name__} {self.name}>'


class Engineer(Employee):
    primary_language = db.Column(db.String(30))
    __mapper_args__ = {'polymorphic_identity': 'engineer'}


class Manager(Employee):
    budget = db.Column(db.Integer)
    __mapper_args__ = {'polymorphic_identity': 'manager'}


db.create_all()
acme = Company(name='Acme')
acme.employees.append(Engineer(name='Ann', primary_language='Python'))
acme.employees.append(Manager(name='Bob', budget=1000))
acme.employees.append(Employee(name='Cid'))
db.session.add(acme)
db.session.commit()

c = Company.query.first()
print(c.employees)
print([e.company.name for e in c.employees])
print(Engineer.query.filter_by(company_id=c.id).all())
print(Manager.query.first().budget)
m = db.session.get(Manager, 2)
print(m, m.discriminator)
print(db.session.get(Engineer, 2))
e = Engineer.query.one()
e.primary_language = 'Rust'
db.session.commit()
print(db.session.execute(text('SELECT * FROM employee ORDER BY id')).all())
print(Employee.query.filter(Employee.name != 'Cid').count(), Engineer.query.count(), Manager.query.count())
db.session.delete(Manager.query.one())
db.session.commit()
print(Employee.query.order_by(Employee.name).all())
print(Employee.__table__.c.keys(), Engineer.__mapper__.inherits, Engineer.__mapper__.base_mapper)
print(isinstance(Engineer.query.one(), Employee), issubclass(Manager, Employee))
