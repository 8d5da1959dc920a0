from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import func, and_, or_, not_, desc, select
app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = 'sqlite://'
db = SQLAlchemy(app)
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(64))
    age = db.Column(db.Integer)
    active = db.Column(db.Boolean, default=True)
    posts = db.relationship('Post', backref='author')
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(64))
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
with app.app_context():
    db.create_all()
    print(select(User).order_by(desc(User.age)).offset(5))
    print(select(User).limit(2).offset(4))
    print(select(User.name, func.count(Post.id)).join(Post).group_by(User.name).having(func.count(Post.id) > 1))
    print(select(User).where(User.name.like('%a%'), User.age.between(10, 20)))
    print(select(User).where(or_(User.age == None, User.age != 3)))
    print(select(User).where(and_(User.age >= 18, not_(User.name.startswith('x')))))
    print(select(func.count()).select_from(User))
    print(select(User).where(func.lower(User.name) == 'bob').distinct())
    print(select(User).where(User.id.in_([])))
    print(select(User).where(User.id.not_in([1, 2])))
    print(select(User).where(User.active == True))
    print(select(Post).join(User).where(User.name == 'a', Post.title.contains('x')))
    print(select(User.name.label('n')).order_by('n'))
    print(select(User).filter_by(name='z', age=3))
    print(db.select(User).where(User.age + 1 > 5))
