class Enrollment(db.Model):
    student_id = db.Column(db.Integer, db.ForeignKey('student.id'), primary_key=True)
    course_id = db.Column(db.Integer, db.ForeignKey('course.id'), primary_key=True)
    grade = db.Column(db.String(2))
    student = db.relationship('Student', back_populates='enrollments')
    course = db.relationship('Course', back_populates='enrollments')

class Student(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    enrollments = db.relationship('Enrollment', back_populates='student', cascade='all, delete-orphan')
    def __repr__(self):
        return f'<Student {self.name}>'

class Course(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    enrollments = db.relationship('Enrollment', back_populates='course')

db.create_all()
s1, s2 = Student(name='ann'), Student(name='bo')
c1, c2 = Course(title='math'), Course(title='art')
s1.enrollments.append(Enrollment(course=c1, grade='A'))
s1.enrollments.append(Enrollment(course=c2, grade='B'))
s2.enrollments.append(Enrollment(course=c1, grade='C'))
db.session.add_all([s1, s2])
print(len(db.session.new), s1 in db.session)
db.session.commit()
print(Enrollment.query.get((1, 2)).grade, db.session.get(Enrollment, {'student_id': 2, 'course_id': 1}).grade)
print([(e.student.name, e.grade) for e in c1.enrollments], [e.course.title for e in s1.enrollments])
print(Enrollment.query.get((1, 2)))
s1.name = 'anne'
print(s1 in db.session.dirty, db.session.is_modified(s1))
db.session.refresh(s1)
print(s1.name)
s1.enrollments.pop(0)
db.session.commit()
print(Enrollment.query.count(), [e.course.title for e in s1.enrollments])
m = db.session.merge(Student(id=2, name='bob'))
db.session.commit()
print(m is s2, s2.name)
db.session.expunge(s2)
print(s2 in db.session, Student.query.get(2) is s2)
db.session.delete(s1)
db.session.commit()
print(Enrollment.query.count(), Student.query.count())
