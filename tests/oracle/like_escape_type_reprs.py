class P(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    sku = db.Column(db.String(20))
db.create_all()
print(P.query.filter(P.sku.contains('a_b/%', autoescape=True)).count())
print(P.query.filter(P.sku.startswith('C%', autoescape=True)).count())
print(P.query.filter(P.sku.endswith('x', escape='^')).count())
print(P.query.filter(P.sku.like('a^_b', escape='^')).count())
print(repr(db.String(50)), repr(db.Integer()), repr(db.Numeric(10, 2)), repr(db.Text()), repr(db.DateTime()), repr(db.Float()), repr(db.Boolean()), repr(db.String()), repr(db.LargeBinary()), repr(db.Date()), repr(db.Numeric()), repr(db.Unicode(10)), repr(db.BigInteger()))
