class Product(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    price = db.Column(db.Float)
    cost = db.Column(db.Numeric(8, 2))

    def __repr__(self):
        return f'<Product {self.name} {self.price}>'


db.create_all()
print(db.session.scalars(db.insert(Product).values(name='mug', price=7.0, cost=2).returning(Product.price)).one())
print(db.session.execute(db.insert(Product).values(name='pen', price=2.5).returning(Product.id, Product.price, Product.name)).all())
print(db.session.scalars(db.insert(Product).returning(Product), [{'name': 'cup', 'price': 3.0}, {'name': 'big', 'price': 1e16}]).all())
print(db.session.scalars(db.update(Product).where(Product.name == 'mug').values(price=Product.price + 1).returning(Product.price)).one())
print(db.session.execute(text('UPDATE product SET price = price * 2 WHERE id = 2 RETURNING price, cost, name')).all())
print(db.session.execute(db.delete(Product).where(Product.name == 'mug').returning(Product.price)).all())
print(db.session.execute(select(Product.price).order_by(Product.id)).scalars().all())
print(Product.query.all())
