from sqlalchemy.exc import IntegrityError

class Enrollment(db.Model):
    __tablename__ = 'enrollments'
    __table_args__ = (db.UniqueConstraint('student_id', 'course_id', name='uq_enroll'), db.CheckConstraint('grade >= 0', name='ck_grade'), db.Index('ix_enroll_grade', 'grade'))
    id = db.Column(db.Integer, primary_key=True)
    student_id = db.Column(db.Integer, db.ForeignKey('students.id', ondelete='CASCADE'), nullable=False)
    course_id = db.Column(db.Integer, db.ForeignKey('courses.id'), nullable=False)
    grade = db.Column(db.Integer, default=0)

class Student(db.Model):
    __tablename__ = 'students'
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), nullable=False)
    enrollments = db.relationship('Enrollment', backref='student', cascade='all,delete', passive_deletes=True)

class Course(db.Model):
    __tablename__ = 'courses'
    id = db.Column(db.Integer, primary_key=True)
    code = db.Column(db.String(10), unique=True, nullable=False)
    credits = db.Column(db.SmallInteger, default=3)
    enrollments = db.relationship('Enrollment', backref='course', lazy=True)

db.create_all()
for (sql,) in db.session.execute(text("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")):
    print(sql)
s = Student(name='Ann'); c1 = Course(code='CS101'); c2 = Course(code='MA201', credits=4)
db.session.add_all([s, c1, c2]); db.session.commit()
db.session.add_all([Enrollment(student=s, course=c1, grade=90), Enrollment(student=s, course=c2)])
db.session.commit()
print([(e.course.code, e.grade) for e in s.enrollments], c2.credits)
try:
    db.session.add(Enrollment(student_id=s.id, course_id=c1.id)); db.session.commit()
except IntegrityError as e:
    db.session.rollback(); print('dup:', e.orig)
try:
    db.session.add(Enrollment(student_id=s.id, course_id=c2.id, grade=-1)); db.session.flush()
except IntegrityError as e:
    db.session.rollback(); print('check:', e.orig)
print(db.session.query(Course.code, func.count(Enrollment.id), func.avg(Enrollment.grade)).outerjoin(Enrollment).group_by(Course.id).order_by(Course.code).all())
db.session.delete(s); db.session.commit()
print(Enrollment.query.count(), Student.query.count())
