# Study groups: a @validates hook on a many-to-many collection enforcing a size limit.
members = db.Table('group_members',
                   db.Column('group_id', db.ForeignKey('study_group.id'), primary_key=True),
                   db.Column('person_id', db.ForeignKey('person.id'), primary_key=True))


class StudyGroup(db.Model):
    __tablename__ = 'study_group'
    id = db.Column(db.Integer, primary_key=True)
    topic = db.Column(db.String(20))
    limit = db.Column(db.Integer, default=3)
    people = db.relationship('Person', secondary=members, backref='groups', order_by='Person.name')

    @db.validates('people')
    def check_size(self, key, person):
        if len(self.people) >= self.limit:
            raise ValueError(f'{self.topic} is full ({self.limit})')
        return person


class Person(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))

    def __repr__(self):
        return self.name


db.create_all()
g = StudyGroup(topic='Algebra', limit=3)
folks = [Person(name=n) for n in ['Ivy', 'Jon', 'Kim', 'Lev', 'Max']]
db.session.add(g)
try:
    g.people.extend(folks)
except ValueError as e:
    print('ValueError:', e)
print(g.people, len(g.people))
db.session.commit()
print(db.session.execute(text('SELECT count(*) FROM group_members')).scalar(), Person.query.count())
try:
    g.people.append(folks[3])
except ValueError as e:
    print('ValueError:', e)
g.people.remove(g.people[0])
g.people.append(folks[4])
db.session.commit()
print(g.people, [p.groups for p in folks])

class Doctor(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    patients = db.relationship('Patient')
    @db.validates('patients')
    def check(self, key, p):
        if p.name == 'bad':
            raise ValueError('no bad patients')
        return p
class Patient(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    doctor_id = db.Column(db.Integer, db.ForeignKey('doctor.id'))
db.create_all()
d = Doctor()
try:
    d.patients.extend([Patient(name='ok'), Patient(name='bad')])
except ValueError as e:
    print(e, [p.name for p in d.patients])
