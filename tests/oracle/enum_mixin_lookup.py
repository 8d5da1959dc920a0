import enum


class Priority(enum.IntEnum):
    LOW = 1
    HIGH = 2


class Role(str, enum.Enum):
    ADMIN = 'admin'
    USER = 'user'


class Task(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    priority = db.Column(db.Enum(Priority))
    role = db.Column(db.Enum(Role))


print('%s %d %r' % (Priority.HIGH, Priority.HIGH, Priority.HIGH), '%s|%r|%5s' % (Role.ADMIN, Role.ADMIN, Role.USER))
print(isinstance(Priority.LOW, int), isinstance(Role.ADMIN, str), isinstance(Role.ADMIN, int), isinstance(Priority.LOW, (str, float)))
print(Priority.HIGH + 1, Role.ADMIN + '!', Role.ADMIN.upper(), Priority.LOW == 1, Role.USER == 'user')
db.create_all()
db.session.add(Task(priority=2, role='user'))
db.session.add(Task(priority=Priority.LOW, role=Role.ADMIN))
db.session.commit()
print(db.session.execute(text('SELECT priority, role FROM task ORDER BY id')).all())
print([(t.priority, t.role) for t in Task.query.order_by(Task.id)])
print(Task.query.filter_by(priority=2).count(), Task.query.filter(Task.role == 'admin').count())


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class Car(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    color = db.Column(db.Enum(Color))


db.create_all()
for value in ['GREEN', 'purple', 5, Color.RED]:
    try:
        db.session.add(Car(color=value))
        db.session.commit()
        print('stored', db.session.execute(text('SELECT color FROM car ORDER BY id DESC')).scalar())
    except Exception as e:
        db.session.rollback()
        print(type(e).__name__, str(e).splitlines()[0])
try:
    db.session.add(Task(priority=5))
    db.session.commit()
except Exception as e:
    db.session.rollback()
    print(type(e).__name__, str(e).splitlines()[0])
