class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('user.uid'))


try:
    db.create_all()
except Exception as e:
    print(type(e).__name__, e)
print(db.session.execute(text("select name from sqlite_master")).all())
