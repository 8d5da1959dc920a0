from sqlalchemy.exc import IntegrityError, OperationalError, InvalidRequestError, NoResultFound, MultipleResultsFound, StatementError, DataError, ProgrammingError, ArgumentError
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20), nullable=False, unique=True)
    age = db.Column(db.Integer, db.CheckConstraint('age >= 0'))
try:
    User.query.all()
except OperationalError as e:
    print(type(e).__name__, e.orig, '|', str(e).splitlines()[0])
    db.session.rollback()
db.create_all()
for kw in [dict(name=None), dict(name='a', age=-1), dict(name='a'), dict(name='a')]:
    try:
        db.session.add(User(**kw))
        db.session.commit()
        print('ok', kw)
    except IntegrityError as e:
        db.session.rollback()
        print(type(e).__name__, e.orig, e.orig.args, type(e.orig).__name__, e.params, e.statement)
try:
    User.query.filter_by(name='zz').one()
except NoResultFound as e:
    print(repr(e), e)
db.session.add(User(name='b'))
db.session.commit()
try:
    User.query.one()
except MultipleResultsFound as e:
    print(e)
try:
    User(nme='x')
except TypeError as e:
    print(e)
try:
    User.query.filter_by(nme='x').all()
except Exception as e:
    print(type(e).__name__, e)
try:
    User.query.filter(User.nme == 'x')
except AttributeError as e:
    print(e)
try:
    db.session.execute(text('SELEC 1'))
except OperationalError as e:
    print(e.orig)
    db.session.rollback()
try:
    db.session.execute(text('select * from user where id = :id'))
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])
    db.session.rollback()
u = User.query.filter_by(name='nobody').first()
try:
    print(u.name)
except AttributeError as e:
    print(e)
try:
    db.session.add('x')
except Exception as e:
    print(type(e).__name__, e)
try:
    User.query.get_or_404(99)
except Exception as e:
    print(type(e).__name__, e.code, e.description[:30])
print(User.query.count())
from sqlalchemy import exc
import sqlalchemy as sa
from sqlalchemy.orm.exc import DetachedInstanceError, ObjectDeletedError
from sqlalchemy.exc import DatabaseError, SQLAlchemyError
print(exc.IntegrityError, sa.exc.DataError, DetachedInstanceError, NoResultFound, ValueError)
print(issubclass(exc.IntegrityError, exc.DatabaseError), issubclass(DetachedInstanceError, exc.InvalidRequestError), issubclass(ObjectDeletedError, SQLAlchemyError))
for sql in ['select x', 'insert into user (id, name) values (1, :n)']:
    try:
        db.session.execute(text(sql), {'n': 'b'})
    except exc.DatabaseError as e:
        print(type(e).__name__, isinstance(e, exc.DBAPIError), isinstance(e, DatabaseError), e.orig)
        db.session.rollback()
