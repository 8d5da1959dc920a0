# A commit with expire_on_commit=False leaves deleted objects `deleted`; expire() and
# refresh() of a column_property; populate_existing() unloads lazy collections;
# eager loading a dynamic relationship is refused; a delete-orphan child keeps its key.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app, session_options={'expire_on_commit': False})


class Project(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    tasks = db.relationship('Task', backref='project', cascade='all, delete-orphan')
    notes = db.relationship('Note', lazy='dynamic')


class Task(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    project_id = db.Column(db.Integer, db.ForeignKey('project.id'))


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    project_id = db.Column(db.Integer, db.ForeignKey('project.id'))


Project.task_count = db.column_property(
    db.select(func.count(Task.id)).where(Task.project_id == Project.id).scalar_subquery())
db.create_all()
n = Note()
db.session.add(n)
db.session.commit()
db.session.delete(n)
db.session.commit()
print(db.inspect(n).deleted, db.inspect(n).detached, n in db.session)

p = Project(name='a')
db.session.add(p)
db.session.commit()
print(p.task_count)
db.session.add(Task(project_id=p.id))
db.session.refresh(p, ['task_count'])
print(p.task_count, p.name)
db.session.add(Task(project_id=p.id))
db.session.expire(p, ['task_count', 'name'])
print(sorted(db.inspect(p).unloaded))
print(p.task_count, p.name)
print(len(p.tasks))
db.session.execute(text("insert into task (project_id) values (1)"))
Project.query.populate_existing().all()
print(len(p.tasks), p.task_count)
for opt in [db.joinedload, db.selectinload, db.subqueryload, db.lazyload, db.noload,
            db.immediateload]:
    try:
        print(len(Project.query.options(opt(Project.notes)).all()))
    except Exception as e:
        print(type(e).__name__, e)
t = p.tasks[0]
t.project = None
db.session.commit()
print(Task.query.count(), t.project_id, db.inspect(t).deleted)
