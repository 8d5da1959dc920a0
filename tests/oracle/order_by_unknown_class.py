# An order_by string naming a class that does not exist.
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    posts = db.relationship('Post', order_by='Pots.id')
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer)
try:
    User()
except Exception as e:
    print(type(e).__name__, e)
