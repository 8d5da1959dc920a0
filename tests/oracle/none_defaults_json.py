from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.exc import IntegrityError
app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = 'sqlite://'
db = SQLAlchemy(app)
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(64), unique=True)
    bio = db.Column(db.Text, nullable=False)
    data = db.Column(db.JSON)
with app.app_context():
    db.create_all()
    db.session.add(User(name='b'))
    try:
        db.session.commit()
    except IntegrityError as e:
        print(e)
        db.session.rollback()
    u = User(name='c', bio='z', data=None)
    db.session.add(u)
    db.session.commit()
    print(db.session.execute(db.text("select data, data is null from user")).all())
    print(User.query.filter(User.data == None).count(), User.query.filter(User.data.is_(None)).count())
