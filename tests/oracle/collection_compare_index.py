# A collection compared with None (NOT EXISTS / EXISTS, as any()); a one-to-one with None
# (has()); column collections indexed by position.
class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    books = db.relationship('Book', backref='author')
    profile = db.relationship('Profile', uselist=False)

    def __repr__(self):
        return self.name


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))


class Profile(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))


db.create_all()
db.session.add_all([Author(name='ann', books=[Book()]), Author(name='bob', profile=Profile())])
db.session.commit()
print(Author.query.filter(Author.books == None).all())
print(Author.query.filter(Author.books != None).all())
print(Author.query.filter(Author.profile == None).order_by(Author.id).all())
print(Author.query.filter(Author.books == None))
t = Author.__table__
print(t.c[0], t.c[1].name)
for i in (5, -1):
    try:
        t.c[i]
    except IndexError as e:
        print("IndexError", e)
u = db.union(select(Author.name), select(db.literal('zed'))).subquery()
print(db.session.execute(select(u.c[0]).order_by(u.c[0].desc())).scalars().all())
print(Author.name.nullable, Author.id.primary_key, Author.name.unique, Author.id.autoincrement)
