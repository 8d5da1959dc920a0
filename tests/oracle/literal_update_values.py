from sqlalchemy import literal, update
class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    n = db.Column(db.Integer)

print(update(T).values(n=literal(9)).where(T.id == literal(3)))
print(update(T).values({T.n: literal(9)}))
print(update(T).values(n=literal(9)).where(T.id == 3).compile().params)
