# Smaller APIs: the session's connection and transaction state, executing a plain string
# on a connection, Column keywords without a dialect, exception modules, dict() of
# SQLAlchemy's mappings, configure_mappers().
from sqlalchemy.exc import IntegrityError, NoResultFound
from sqlalchemy.orm import configure_mappers


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20), sqlite_on_conflict_unique='IGNORE')
    posts = db.relationship('Post', backref='author', lazy='dynamic')


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))


configure_mappers()
print(hasattr(Post, 'author'), User.posts.property.lazy)
db.create_all()
print(db.session().in_transaction(), db.session().in_nested_transaction())
try:
    db.session.in_transaction()
except AttributeError as e:
    print(e)
conn = db.session.connection()
print(db.session().in_transaction())
conn.execute(text("INSERT INTO user (name) VALUES ('ann')"))
print(db.session.execute(text('SELECT name FROM user')).scalar())
with db.session.begin_nested():
    print(db.session().in_nested_transaction())
db.session.commit()
print(db.session().in_transaction(), User.query.count())
with db.engine.connect() as c:
    try:
        c.execute('SELECT 1')
    except Exception as e:
        print(type(e).__name__, e)
try:
    db.Column(db.Integer, uniqe=True)
except TypeError as e:
    print('TypeError', e)
print(IntegrityError.__module__, NoResultFound.__module__, ValueError.__module__, User.__module__)
print(list(dict(db.metadata.tables)), sorted(dict(User.__table__.c)), list({**db.metadata.tables}))
