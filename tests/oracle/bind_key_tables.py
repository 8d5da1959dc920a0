# bind_key= of db.Table, an unknown bind key, and MetaData.create_all/drop_all, which take
# no bind_key; a Table with autoload_with=None is an ordinary table.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config['SQLALCHEMY_BINDS'] = {'logs': 'sqlite:///logs.db'}
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)


audit = db.Table('audit', db.Column('id', db.Integer, primary_key=True), bind_key='logs')
plain = db.Table('plain', db.Column('id', db.Integer, primary_key=True), autoload_with=None)
db.create_all()
db.session.add(User())
db.session.execute(audit.insert().values(id=1))
db.session.commit()
for f in [lambda: db.metadata.drop_all(db.engine, bind_key='logs'),
          lambda: db.metadata.create_all(db.engine, bind_key=None),
          lambda: db.drop_all(bind_key='nope'),
          lambda: db.create_all(bind_key=['logs', 'other'])]:
    try:
        f()
        print('ok')
    except Exception as e:
        print(type(e).__name__, e)
print(User.query.count(), [c.name for c in plain.columns])
db.drop_all(bind_key='logs')
try:
    db.session.execute(audit.insert().values(id=2))
    db.session.commit()
    print('inserted')
except Exception as e:
    print(type(e).__name__)
    db.session.rollback()
print(User.query.count())
