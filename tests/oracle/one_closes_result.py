class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)


db.create_all()
res = db.session.execute(select(T.id))
print(res.one_or_none())
try:
    print(res.one_or_none())
except Exception as e:
    print(type(e).__name__, e)
