class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
print(User.__table__.metadata is db.metadata)
print(User.__table__.info)
