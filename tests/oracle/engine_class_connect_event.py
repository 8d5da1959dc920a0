# The SQLite foreign-keys recipe as Stack Overflow gives it: a listener on the Engine
# class (every engine), plain and decorated.
from sqlalchemy.exc import IntegrityError
from sqlalchemy.engine import Engine
from sqlalchemy import event


def fk_on(dbapi_connection, connection_record):
    print('connect', type(dbapi_connection).__name__)
    cursor = dbapi_connection.cursor()
    cursor.execute('PRAGMA foreign_keys=ON')
    cursor.close()


db.event.listen(Engine, 'connect', fk_on)


@event.listens_for(Engine, 'connect')
def second(dbapi_connection, connection_record):
    print('second listener')


class Parent(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class Child(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    parent_id = db.Column(db.Integer, db.ForeignKey('parent.id', ondelete='CASCADE'))


print('before create_all')
db.create_all()
print(db.session.execute(text('PRAGMA foreign_keys')).scalar())
db.session.add(Child(parent_id=99))
try:
    db.session.commit()
except IntegrityError as e:
    db.session.rollback()
    print(e.orig)
p = Parent()
db.session.add(p)
db.session.commit()
db.session.add(Child(parent_id=p.id))
db.session.commit()
db.session.execute(text('DELETE FROM parent'))
db.session.commit()
print(Child.query.count())
