# The unit of work's INSERT order: mappers by relationship dependency, then by class
# name; self-referential rows object by object through their related objects (a flush
# with such a cycle runs other mappers of one subset in no fixed order: one mapper here).
seq = []


def stamp():
    seq.append(len(seq) + 1)
    return len(seq)


class Dept(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    n = db.Column(db.Integer, default=stamp)
    staff = db.relationship('Emp', backref='dept')


class Emp(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    n = db.Column(db.Integer, default=stamp)
    dept_id = db.Column(db.Integer, db.ForeignKey('dept.id'))
    boss_id = db.Column(db.Integer, db.ForeignKey('emp.id'))
    reports = db.relationship('Emp', backref=db.backref('boss', remote_side=[id]))


class Audit(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    n = db.Column(db.Integer, default=stamp)
    dept_id = db.Column(db.Integer, db.ForeignKey('dept.id'))


class Zone(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    n = db.Column(db.Integer, default=stamp)


db.create_all()
it, hr = Dept(), Dept()
ceo = Emp(name='Olga', dept=hr)
a = Emp(name='Pal', dept=it, boss=ceo)
b = Emp(name='Ivan', dept=it, boss=a)
c = Emp(name='Jo', boss=a)
d = Emp(name='Ann', boss=c)
db.session.add_all([it, hr, ceo, a, b, c, d])
db.session.commit()
print(db.session.execute(text('select id, name, boss_id, dept_id, n from emp')).all())
print(db.session.execute(text('select id, n from dept')).all())

# a second flush: new reports under existing bosses, a new boss with new reports
e = Emp(name='Eve', boss=ceo)
f = Emp(name='Max')
g = Emp(name='Kim', boss=f)
db.session.add_all([g, e, f])
db.session.commit()
print([(x.id, x.name, x.boss_id) for x in Emp.query.order_by(Emp.id)])

# no relationship: only class names decide
seq.clear()
db.session.add_all([Zone(), Audit(), Zone(), Dept(), Audit()])
db.session.commit()
print([x.n for x in Zone.query.order_by(Zone.id)], [x.n for x in Audit.query.order_by(Audit.id)])
print([x.n for x in Dept.query.order_by(Dept.id)][2:])
