# filter(None) is accepted (renders WHERE NULL -> no rows) in SQLAlchemy 2.0.
class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)


db.create_all()
db.session.add_all([Item(), Item()])
db.session.commit()
cond = None
print(Item.query.filter(cond).all())
print(db.session.scalars(select(Item).where(cond)).all())
