class Sale(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    sold = db.Column(db.DateTime)
    amount = db.Column(db.Integer)


print(db.select(db.extract('year', Sale.sold), db.extract('month', Sale.sold).label('m')))
print(db.select(Sale.id).where(db.extract('dow', Sale.sold) == 1))
print(Sale.query.filter(db.extract('year', Sale.sold) == 2024))
print(db.select(Sale).where(db.extract('year', Sale.sold) == 2024).compile(db.engine))
print(db.exists().where(Sale.amount > 5))
print(db.select(Sale.id).where(db.exists().where(Sale.amount > 5)))
print(Sale.__hash__ is None, isinstance([], list))


class V(db.Model):
    id = db.Column(db.Integer, primary_key=True)

    def __eq__(self, o):
        return self.id == o.id


print(V.__hash__ is None)
db.create_all()
db.session.add(Sale(sold=datetime(2024, 3, 4), amount=7))
db.session.commit()
print(db.session.execute(db.select(db.extract('year', Sale.sold), db.extract('dow', Sale.sold))).all())
