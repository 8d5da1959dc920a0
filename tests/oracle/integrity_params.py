from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.exc import IntegrityError
app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = 'sqlite://'
db = SQLAlchemy(app)
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(64), unique=True)
    created = db.Column(db.String(20), server_default='x')
with app.app_context():
    db.create_all()
    db.session.add_all([User(id=i, name=f'n{i % 12}', created='c') for i in range(1, 15)])
    try:
        db.session.commit()
    except IntegrityError as e:
        print(e)
        print(e.params)
        db.session.rollback()
    db.session.add_all([User(name=f'n{i % 2}') for i in range(1, 4)])
    try:
        db.session.commit()
    except IntegrityError as e:
        print(e)
        print(e.params)
        db.session.rollback()
    print(User.query.count())
