class Event(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80))
    body = db.Column(db.Text)
    at = db.Column(db.DateTime)
    day = db.Column(db.Date)
    price = db.Column(db.Numeric(8, 2))
    ratio = db.Column(db.Float)
    big = db.Column(db.BigInteger)
    ok = db.Column(db.Boolean)
    meta = db.Column(db.JSON)


for c in Event.__table__.columns:
    kinds = [k.__name__ for k in (db.Integer, db.String, db.Text, db.DateTime, db.Date, db.Numeric, db.Float,
                                  db.Boolean, db.JSON) if isinstance(c.type, k)]
    print(c.name, type(c.type).__name__, kinds, isinstance(c.type, (db.Date, db.DateTime)))
print(isinstance(db.VARCHAR(5), db.String), isinstance(db.TIMESTAMP(), db.DateTime), isinstance(db.Text(), db.Integer))
print(isinstance(5, db.Integer), isinstance(Event.title.type, db.String))
