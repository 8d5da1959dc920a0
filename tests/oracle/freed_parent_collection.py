class Student(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    grades = db.relationship('Grade')
class Grade(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    student_id = db.Column(db.Integer, db.ForeignKey('student.id'))
db.create_all()
db.session.add(Student(grades=[Grade(), Grade()]))
db.session.commit()
def count_grades(sid):
    return len(db.session.get(Student, sid).grades)
print(count_grades(1))
s = db.session.get(Student, 1)
s.grades.pop(0)
db.session.commit()
print(db.session.execute(text("select * from grade")).all())
