# JSON None vs SQL NULL: default behaviour, none_as_null, db.null() and JSON.NULL.
class Blob(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    a = db.Column(db.JSON)
    b = db.Column(db.JSON(none_as_null=True))


db.create_all()
db.session.add_all([Blob(a=None, b=None), Blob(), Blob(a=db.null(), b=db.JSON.NULL), Blob(a=[None], b={'k': None})])
db.session.commit()
print(db.session.execute(text('SELECT id, a, typeof(a), b, typeof(b) FROM blob ORDER BY id')).fetchall())
for x in Blob.query.order_by(Blob.id):
    print(x.id, x.a, x.b)
print(Blob.query.filter(Blob.a.is_(None)).count(), Blob.query.filter(Blob.b.is_(None)).count())
print(Blob.query.filter(Blob.a == db.JSON.NULL).count())
