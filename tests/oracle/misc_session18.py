from datetime import timezone
from flask import current_app
class Point:
    def __init__(self, y, x):
        self.y = y
        self.x = x
        self.label = None
p = Point(2, 1)
p.z = 0
del p.label
print(vars(p), p.__dict__, list(vars(p)))
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(20))
    email = db.Column(db.String(50))
    updated_on = db.Column(db.DateTime, server_default=db.func.now(), server_onupdate=db.func.now())
db.create_all()
db.session.add(User(username='a', email='b'))
db.session.commit()
print(bool(User.username == 'a'), bool(User.username != 'a'), bool(User.id == User.id))
print(User.query.filter(User.username == 'x' or User.email == 'b').count(), User.query.filter(User.username == 'x' and User.email == 'b').count())
try:
    bool(User.id > 1)
except TypeError as e:
    print(e)
d = datetime(2024, 2, 29, 23, 59, 1, 250000, tzinfo=timezone.utc)
print(d.timestamp(), datetime(2001, 9, 9, 1, 46, 40, tzinfo=timezone.utc).timestamp())
app.config['ADMIN'] = 'boss@example.com'
print(current_app.config['ADMIN'], current_app.name == app.name)
