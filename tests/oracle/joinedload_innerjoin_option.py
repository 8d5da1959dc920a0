from sqlalchemy.orm import joinedload


class Brand(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    maker_id = db.Column(db.Integer, db.ForeignKey('maker.id'))
    maker = db.relationship('Maker')


class Maker(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class Shoe(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    brand_id = db.Column(db.Integer, db.ForeignKey('brand.id'))
    brand = db.relationship('Brand', lazy='joined', innerjoin=True)


db.create_all()
db.session.add_all([Shoe(brand=Brand(name='a', maker=Maker())), Shoe(brand=Brand(name='b')), Shoe()])
db.session.commit()
print(Shoe.query.options(joinedload(Shoe.brand, innerjoin=False)).all())
print(Shoe.query.options(joinedload(Shoe.brand, innerjoin=False).joinedload(Brand.maker, innerjoin=True)).all())
print(Shoe.query.options(joinedload(Shoe.brand).joinedload(Brand.maker, innerjoin=True)).all())
print(Brand.query.options(joinedload(Brand.maker, innerjoin=True)).all())
print(db.session.execute(select(Shoe).options(joinedload(Shoe.brand, innerjoin=False))).scalars().all())
