# A relationship misconfigured two ways: SQLAlchemy reports the first check it meets.
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    posts = db.relationship('Post', lazy='dynamc')
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer)
try:
    User()
except Exception as e:
    print(type(e).__name__, e)
try:
    Post()
except Exception as e:
    print(type(e).__name__, e)
