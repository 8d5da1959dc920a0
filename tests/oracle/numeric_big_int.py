class G(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    big = db.Column(db.Numeric(20, 0))


db.create_all()
db.session.add(G(big=12345678901234567890))
db.session.commit()
db.session.expire_all()
print(G.query.one().big)
print(db.session.execute(text('SELECT big, typeof(big) FROM g')).one())
class F(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    x = db.Column(db.Float)
db.create_all()
db.session.add(F(x=10**30))
db.session.commit()
print(db.session.execute(text('SELECT x, typeof(x) FROM f')).one(), F.query.one().x)
