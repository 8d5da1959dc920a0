r = db.session.execute(db.select(db.literal(1), db.literal("x"), db.literal(2).label("two"))).one()
print(r._fields, r._mapping)
print(db.session.execute(db.select(db.literal(7))).mappings().all())
class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    n = db.Column(db.Integer)
db.create_all()
db.session.add(Item(n=3))
db.session.commit()
r = db.session.execute(db.select(Item.n, db.literal(5), Item.n + 1)).one()
print(r._fields, tuple(r))
class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    books = db.relationship('Book', backref='author')


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))


print(db.select(Book.id))
print(Book.author == None)
