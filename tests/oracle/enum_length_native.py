for t in [db.Enum('a', 'bcd', length=10), db.Enum('a', 'bcd', native_enum=False), db.Enum('a', 'bcd', name='x', native_enum=False, create_constraint=True, length=7), db.Enum('a', 'bcd', validate_strings=True), db.Enum('a', 'bcd', values_callable=None)]:
    print(repr(t), t.length, t.native_enum)
    print(t.compile(dialect=db.engine.dialect))
class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    s = db.Column(db.Enum('a', 'bcd', native_enum=False, length=3, create_constraint=True, name='ck'))
db.create_all()
print(db.session.execute(text("SELECT sql FROM sqlite_master WHERE name = 't'")).scalar())
try:
    db.Enum('a', 'bcd', length=2)
except ValueError as e:
    print(e)
class Task(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    status = db.Column(db.Enum('todo', 'doing', 'done', name='status', native_enum=False, length=20), default='todo')
    prio = db.Column(db.Enum('low', 'high', create_constraint=True, name='prio'))
db.create_all()
print(db.session.execute(text("SELECT sql FROM sqlite_master WHERE name = 'task'")).scalar())
t = Task(prio='low')
db.session.add(t)
db.session.commit()
print(t.status, t.prio, Task.status.type, repr(Task.status.type))
r = db.session.execute(select(Task.id, Task.status)).first()
print('status' in r._mapping, Task.status in r._mapping, r._mapping[Task.status])
try:
    db.session.add(Task(prio='mid'))
    db.session.commit()
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])
