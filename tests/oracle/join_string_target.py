class Box(db.Model):
    id = db.Column(db.Integer, primary_key=True)


db.create_all()
try:
    Box.query.join('shelf')
except Exception as e:
    print(type(e).__name__, e)
