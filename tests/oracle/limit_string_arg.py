# limit()/offset() accept numeric strings (SQLAlchemy calls int() on them).
class Student(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))


db.create_all()
db.session.add_all([Student(name=n) for n in ['Ann', 'Bo', 'Cy', 'Di']])
db.session.commit()
per_page = '2'
print([s.name for s in Student.query.order_by(Student.id).limit(per_page).offset('1').all()])
print([s.name for s in db.session.scalars(select(Student).order_by(Student.id).limit('3'))])
