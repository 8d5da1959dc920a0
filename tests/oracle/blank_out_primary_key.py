# Association object Enrollment(grade) between Student and Course, with cascades and queries.
class Student(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(40))
    enrollments = db.relationship('Enrollment', back_populates='student', cascade='all, delete-orphan')


class Course(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(40))
    enrollments = db.relationship('Enrollment', back_populates='course', order_by='Enrollment.grade.desc()')


class Enrollment(db.Model):
    student_id = db.Column(db.Integer, db.ForeignKey('student.id'), primary_key=True)
    course_id = db.Column(db.Integer, db.ForeignKey('course.id'), primary_key=True)
    grade = db.Column(db.Integer)
    student = db.relationship('Student', back_populates='enrollments')
    course = db.relationship('Course', back_populates='enrollments')


db.create_all()
ann, bob, cy = Student(name='Ann'), Student(name='Bob'), Student(name='Cy')
math, art = Course(title='Math'), Course(title='Art')
db.session.add_all([ann, bob, cy, math, art])
for s, c, g in [(ann, math, 90), (ann, art, 75), (bob, math, 60), (cy, art, 88), (cy, math, 95)]:
    s.enrollments.append(Enrollment(course=c, grade=g))
db.session.commit()
print(Enrollment.query.order_by(Enrollment.student_id, Enrollment.course_id).all())
print([(e.student.name, e.grade) for e in math.enrollments])
print([(e.course.title, e.grade) for e in ann.enrollments])

avg = db.session.query(Course.title, func.avg(Enrollment.grade), func.count()).join(Course.enrollments) \
    .group_by(Course.id).order_by(Course.title).all()
print(avg)
top = db.session.query(Student.name).join(Student.enrollments).join(Enrollment.course) \
    .filter(Course.title == 'Math', Enrollment.grade >= 90).order_by(Student.name).all()
print(top)
print(Student.query.filter(Student.enrollments.any(Enrollment.grade < 70)).all())

e = Enrollment.query.get((1, 2))
e.grade = 80
db.session.commit()
print(e, e.grade, [x.grade for x in art.enrollments])

bob.enrollments.clear()
db.session.commit()
print(Enrollment.query.count(), len(math.enrollments))
db.session.delete(cy)
db.session.commit()
print(db.session.execute(text('SELECT * FROM enrollment ORDER BY 1, 2')).all())
print([(e.student.name, e.grade) for e in math.enrollments])
try:
    db.session.delete(math)
    db.session.commit()
except AssertionError as e:
    db.session.rollback()
    print(type(e).__name__, str(e).split(' on instance')[0])
print(Course.query.count())
