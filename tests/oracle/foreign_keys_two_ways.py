class Dept(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    head_id = db.Column(db.Integer, db.ForeignKey('person.id', use_alter=True))
    head = db.relationship('Person', foreign_keys=[head_id], post_update=True)
    staff = db.relationship('Person', back_populates='dept', foreign_keys='Person.dept_id')

    def __repr__(self):
        return f'<Dept {self.name}>'


class Person(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    dept_id = db.Column(db.Integer, db.ForeignKey('dept.id'))
    dept = db.relationship('Dept', back_populates='staff', foreign_keys=[dept_id])

    def __repr__(self):
        return f'<Person {self.name}>'


db.create_all()
d = Dept(name='R&D')
ann = Person(name='ann', dept=d)
bob = Person(name='bob', dept=d)
print(len(d.staff), d.staff)
db.session.add(d)
db.session.commit()
print(Person.query.filter(Person.dept == d).order_by(Person.id).all(), d.head)
print(db.session.query(Dept.name, func.count(Person.id)).join(Dept.staff).group_by(Dept.id).all())
print(Dept.query.join(Person, Dept.staff).filter(Person.name == 'bob').all())
d.head = ann
db.session.commit()
print(d.head, db.session.execute(text('SELECT head_id FROM dept')).scalar())
