# A custom query_class with reusable filters (Flask-SQLAlchemy db.Query subclass).
class ActiveQuery(db.Query):
    def active(self):
        return self.filter_by(is_active=True)

    def newest(self, n=2):
        return self.order_by(desc('created')).limit(n)

    def by_name(self):
        return self.order_by(Customer.name)


class Customer(db.Model):
    query_class = ActiveQuery
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    is_active = db.Column(db.Boolean, default=True)
    created = db.Column(db.Date)


db.create_all()
db.session.add_all([
    Customer(name='Zed', created=date(2024, 1, 5)),
    Customer(name='Amy', created=date(2024, 3, 1), is_active=False),
    Customer(name='Bob', created=date(2023, 12, 24)),
])
db.session.commit()
print([c.name for c in Customer.query.active().by_name()])
print([c.name for c in Customer.query.newest().all()])
print([c.name for c in Customer.query.active().newest(1)])
print(type(Customer.query).__name__, isinstance(Customer.query, db.Query))
print(Customer.query.active().count())
print(Customer.query.filter(Customer.name != 'Zed').active().first().name)
print(isinstance(Customer.query.active(), ActiveQuery), isinstance(db.session.query(Customer), ActiveQuery))
print(db.paginate(db.select(Customer).order_by(Customer.id), per_page=2).total)
