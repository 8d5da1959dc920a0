# A secondary table whose foreign key names a missing column.
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    posts = db.relationship('Post', secondary='tags')
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
tags = db.Table('tags', db.Column('user_id', db.Integer, db.ForeignKey('user.id')), db.Column('post_id', db.Integer, db.ForeignKey('post.pid')))
try:
    User()
except Exception as e:
    print(type(e).__name__, e)
