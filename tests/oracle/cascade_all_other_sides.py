# cascade='all' (delete) on a many-to-one and on a many-to-many: the related objects are
# deleted with the object; without it they stay.
links = db.Table('links', db.Column('post_id', db.ForeignKey('post.id')),
                 db.Column('file_id', db.ForeignKey('file.id')))


class Brand(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


class Car(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    brand_id = db.Column(db.Integer, db.ForeignKey('brand.id'))
    brand = db.relationship('Brand', cascade='all')


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    files = db.relationship('File', secondary=links, cascade='all')


class File(db.Model):
    id = db.Column(db.Integer, primary_key=True)


db.create_all()
car = Car(brand=Brand(name='volvo'))
other = Car(brand=Brand(name='fiat'))
post = Post(files=[File(), File()])
db.session.add_all([car, other])
db.session.commit()
db.session.add_all([post, Post(files=[File()])])
db.session.commit()
db.session.delete(car)
db.session.commit()
print(Brand.query.count(), Car.query.count(), [b.name for b in Brand.query])
db.session.delete(post)
db.session.commit()
print(File.query.count(), Post.query.count())
print(db.session.execute(text('select count(*) from links')).scalar())
