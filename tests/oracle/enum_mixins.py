# Enums mixing in str/int (`class Role(str, Enum)`, IntEnum, StrEnum) as models use them.
import enum
import json
from enum import Enum


class Role(str, Enum):
    ADMIN = 'admin'
    EDITOR = 'editor'


class Priority(enum.IntEnum):
    LOW = 1
    HIGH = 2


class Color(enum.StrEnum):
    RED = 'red'


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    role = db.Column(db.Enum(Role), default=Role.EDITOR)
    priority = db.Column(db.Integer, default=Priority.LOW)


print(Role.ADMIN.value, Role.ADMIN == 'admin', str(Role.ADMIN), repr(Role.ADMIN), Role('editor'))
print(Role.ADMIN.upper(), Role.ADMIN in ['admin'], {Role.ADMIN: 1}.get('admin'), f'{Role.EDITOR}')
print(Priority.HIGH > Priority.LOW, Priority(2).name, Priority.LOW + 1, str(Priority.HIGH), Priority.HIGH == 2)
print(sorted([Priority.HIGH, Priority.LOW]), Priority.HIGH * 10, str(Color.RED), Color.RED == 'red')
print(json.dumps({'role': Role.ADMIN, 'p': Priority.HIGH, 'c': Color.RED}))
db.create_all()
db.session.add_all([User(role=Role.ADMIN, priority=Priority.HIGH), User()])
db.session.commit()
print([(u.role, u.priority) for u in User.query.order_by(User.id)])
print(User.query.filter(User.role == Role.ADMIN).count(), User.query.filter(User.priority >= Priority.HIGH).count())
print(db.session.execute(text('SELECT role, priority FROM user ORDER BY id')).all())
