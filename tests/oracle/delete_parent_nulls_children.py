# Deleting a parent with the default cascade: children are loaded and their FK set to NULL.
from sqlalchemy.exc import IntegrityError


class Dept(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    staff = db.relationship('Emp', backref='dept')
    rooms = db.relationship('Room', backref='dept')
    archive = db.relationship('Record', backref='dept', passive_deletes='all')


class Emp(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    dept_id = db.Column(db.Integer, db.ForeignKey('dept.id'))

    def __repr__(self):
        return f'<Emp {self.name} dept={self.dept_id}>'


class Room(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    dept_id = db.Column(db.Integer, db.ForeignKey('dept.id'), nullable=False)


class Record(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    dept_id = db.Column(db.Integer, db.ForeignKey('dept.id'))


db.create_all()
ops, it = Dept(name='ops'), Dept(name='it')
ops.staff = [Emp(name='ann'), Emp(name='bob')]
it.staff = [Emp(name='cy')]
it.rooms = [Room(), Room()]
ops.archive = [Record(), Record()]
db.session.add_all([ops, it])
db.session.commit()

emps = Emp.query.order_by(Emp.id).all()
db.session.delete(ops)
print(len(db.session.deleted), [e.dept for e in emps])
db.session.commit()
print(emps, Emp.query.filter(Emp.dept_id.is_(None)).count())
print(db.session.execute(text('SELECT id, dept_id FROM record ORDER BY id')).all())
print(Record.query.first().dept)

try:
    db.session.delete(it)
    db.session.commit()
except IntegrityError as e:
    db.session.rollback()
    print(type(e).__name__, e.orig)
print(Dept.query.count(), emps[2].dept_id, it.name)
for r in list(it.rooms):
    db.session.delete(r)
db.session.delete(it)
db.session.commit()
print(Dept.query.count(), Room.query.count(), emps)
