# create_all / drop_all with bind_key= touch that bind's tables only: dropping the logs
# bind's tables leaves the default bind's rows in place.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config['SQLALCHEMY_BINDS'] = {'logs': 'sqlite:///logs.db'}
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


class LogEntry(db.Model):
    __bind_key__ = 'logs'
    id = db.Column(db.Integer, primary_key=True)
    message = db.Column(db.String(50))


db.create_all()
db.session.add_all([User(name='ann'), LogEntry(message='started')])
db.session.commit()
db.drop_all(bind_key='logs')
print(User.query.count(), [u.name for u in User.query.all()])
try:
    print(LogEntry.query.count())
except Exception as e:
    db.session.rollback()
    print(type(e).__name__)
db.create_all(bind_key='logs')
print(LogEntry.query.count(), User.query.count())
db.session.add(LogEntry(message='again'))
db.session.commit()
db.drop_all(bind_key=None)
print(LogEntry.query.count())
try:
    print(User.query.count())
except Exception as e:
    db.session.rollback()
    print(type(e).__name__)
db.create_all(bind_key=[None])
print(User.query.count(), LogEntry.query.count())
db.drop_all()
db.create_all()
print(User.query.count(), LogEntry.query.count())
