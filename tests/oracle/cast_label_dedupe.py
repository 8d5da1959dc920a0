# A CAST of a column already labeled: the dedupe label in a select(), an anonymous one in a Query.
class Sale(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    amount = db.Column(db.Numeric(8, 2))


db.create_all()
print(select(db.cast(Sale.amount, db.String), db.cast(Sale.amount, db.Float)))
print(select(Sale.amount, db.cast(Sale.amount, db.Float)))
print(select(db.cast(Sale.amount, db.Float), Sale.amount))
print(db.session.query(db.cast(Sale.amount, db.String), db.cast(Sale.amount, db.Float), Sale.amount))
