# Parent.collection.contains(obj) on a one-to-many relationship (the parent's key equals
# the object's foreign key), negated, with an unattached object; scalar attributes refuse it.
class Teacher(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    lessons = db.relationship('Lesson', backref='teacher', lazy='dynamic')


class Lesson(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    teacher_id = db.Column(db.Integer, db.ForeignKey('teacher.id'))


db.create_all()
t = Teacher(name='a')
les = Lesson(teacher=t)
free = Lesson()
db.session.add_all([t, les, Teacher(name='b'), free])
db.session.commit()
print(Teacher.query.filter(Teacher.lessons.contains(les)).all())
print(Teacher.query.filter(~Teacher.lessons.contains(les)).all())
print(Teacher.query.filter(Teacher.lessons.contains(free)).all())
try:
    print(Lesson.query.filter(Lesson.teacher.contains(t)).all())
except Exception as e:
    print(type(e).__name__, e)
