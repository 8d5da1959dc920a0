# Many-to-many history: re-appending an object a loaded collection already holds adds no row
# (no backref); two relationships over one table without back_populates each add their row.
tags = db.Table('tags', db.Column('post_id', db.Integer, db.ForeignKey('post.id')),
                db.Column('tag_id', db.Integer, db.ForeignKey('tag.id')))
enrol = db.Table('enrol', db.Column('student_id', db.Integer, db.ForeignKey('student.id')),
                 db.Column('course_id', db.Integer, db.ForeignKey('course.id')))


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    tags = db.relationship('Tag', secondary=tags)


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class Student(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    courses = db.relationship('Course', secondary=enrol)


class Course(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    students = db.relationship('Student', secondary=enrol)


db.create_all()
t = Tag()
p = Post(tags=[t])
db.session.add(p)
db.session.commit()
p.tags.append(t)
print(len(p.tags))
db.session.commit()
print(db.session.execute(text('SELECT count(*) FROM tags')).scalar(), len(p.tags))
t2 = Tag()
p.tags.append(t2)
p.tags.append(t2)
db.session.commit()
print(db.session.execute(text('SELECT count(*) FROM tags')).scalar())
s, c = Student(), Course()
s.courses.append(c)
c.students.append(s)
db.session.add(s)
db.session.commit()
print(db.session.execute(text('SELECT * FROM enrol')).fetchall())
print(len(s.courses), len(c.students))
