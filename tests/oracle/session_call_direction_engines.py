class Teacher(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    lessons = db.relationship('Lesson', backref='teacher')
    badge = db.relationship('Badge', uselist=False, back_populates='owner')


class Lesson(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    teacher_id = db.Column(db.ForeignKey('teacher.id'))


class Badge(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    teacher_id = db.Column(db.ForeignKey('teacher.id'))
    owner = db.relationship('Teacher', back_populates='badge')


d = Teacher.lessons.property.direction
print(d, repr(d), d.name, type(d).__name__, d == Lesson.teacher.property.direction)
print(Lesson.teacher.property.direction.name, Teacher.badge.property.direction.name, Badge.owner.property.direction.name)
print(Teacher.lessons.property.uselist, Lesson.teacher.property.uselist, Teacher.badge.property.uselist)
s = db.session()
print(type(s).__name__, type(db.session).__name__, s is db.session(), type(Teacher).__name__, type(Teacher) is type(Badge))
print(Teacher.__table__.c.id is Teacher.__table__.c['id'], Teacher.__table__.c.id is Lesson.__table__.c.id)
db.create_all()
t = Teacher()
s.add(t)
s.commit()
print(db.session.get(Teacher, 1) is t, db.inspect(t).session is s, db.session.query(Teacher).session is s)
print(db.engine.url, db.engines[None].url, list(db.engines), db.engines[None] is db.engine)
