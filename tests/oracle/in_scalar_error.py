# in_() given a plain string or a scalar is an ArgumentError (not a per-character IN list / TypeError).
class Student(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))


db.create_all()
db.session.add_all([Student(name='Ann'), Student(name='A')])
db.session.commit()
for arg in ['Ann', 1]:
    try:
        print(Student.query.filter(Student.name.in_(arg)).all())
    except Exception as e:
        print(type(e).__name__, e)
