# Single-table inheritance: one table, a discriminator column, polymorphic queries.
class Employee(db.Model):
    __tablename__ = 'employee'
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50))
    type = db.Column(db.String(20))
    __mapper_args__ = {'polymorphic_identity': 'employee', 'polymorphic_on': type}

    def __repr__(self):
        return f'{self.__class__.__name__}({self.name!r})'


class Manager(Employee):
    manager_data = db.Column(db.String(50))
    __mapper_args__ = {'polymorphic_identity': 'manager'}


class Engineer(Employee):
    language = db.Column(db.String(20))
    __mapper_args__ = {'polymorphic_identity': 'engineer'}


db.create_all()
db.session.add_all([Employee(name='Eve'), Manager(name='Max', manager_data='budget'),
                    Engineer(name='Ena', language='rust'), Engineer(name='Ed', language='python')])
db.session.commit()
db.session.expire_all()

print(Employee.query.order_by(Employee.id).all())
print(Engineer.query.order_by(Engineer.name).all())
print(Manager.query.all(), Manager.query.count())
print(Engineer.query.filter_by(language='rust').one())
print(Employee.query.filter(Employee.name.like('E%')).order_by(Employee.name).all())
print([(type(e).__name__, e.type) for e in Employee.query.order_by(Employee.id)])
e = db.session.get(Employee, 2)
print(type(e).__name__, e.manager_data, isinstance(e, Employee))
print(db.session.execute(text('SELECT id, name, type, manager_data, language FROM employee ORDER BY id')).fetchall())
print(sorted(db.metadata.tables), Manager.__tablename__, Manager.__table__ is Employee.__table__)
print([c.name for c in Employee.__table__.columns])
print(db.session.query(Employee.type, func.count()).group_by(Employee.type).order_by(Employee.type).all())
print(db.inspect(Employee).polymorphic_identity, db.inspect(Engineer).polymorphic_identity)
print(sorted(db.inspect(Employee).polymorphic_map.keys()))
print(db.session.execute(select(Engineer.name).order_by(Engineer.id)).scalars().all())
