# column_property(): computed columns loaded with the object, usable in filters/order_by
from sqlalchemy.orm import column_property, aliased, joinedload, selectinload


class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    first = db.Column(db.String(20))
    last = db.Column(db.String(20))
    full = column_property(first + ' ' + last)
    books = db.relationship('Book', backref='author', order_by='Book.id')


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))
    title = db.Column(db.String(20))
    pages = db.Column(db.Integer)
    double = db.column_property(pages * 2)
    up = db.column_property(func.upper(title))


Author.book_count = column_property(
    select(func.count(Book.id)).where(Book.author_id == Author.id).correlate_except(Book).scalar_subquery())
db.create_all()
db.session.add_all([Author(first='Ann', last='Lee'), Author(first='Bo', last='Kim')])
db.session.add_all([Book(author_id=1, title='x', pages=10), Book(author_id=1, title='y', pages=5),
                    Book(author_id=2, title='z', pages=7)])
db.session.commit()
for a in Author.query.order_by(Author.full).all():
    print(a.id, a.full, a.book_count)
books = Book.query.order_by(Book.double.desc()).all()
print([(b.double, b.up) for b in books])
print(db.session.execute(select(Author.full, Author.book_count).order_by(Author.id)).all())
print(db.session.scalars(select(Author).where(Author.book_count > 1)).all())
print(Author.query.filter(Author.full.like('B%')).count())
b = db.session.get(Book, 2)
print(b.double, b.up)
b.pages = 50
db.session.commit()
print(b.double)
new = Book(title='n', pages=1)
print(new.double, new.up)
db.session.add(new)
db.session.flush()
print(new.double, new.up)
A = aliased(Author)
print(db.session.query(A.full).filter(A.id == 2).scalar())
print([(x.title, x.author.full) for x in Book.query.options(joinedload(Book.author)).filter(Book.author_id != None).order_by(Book.id)])
a1 = Author.query.options(selectinload(Author.books)).filter_by(id=1).one()
print([(x.title, x.double) for x in a1.books], a1.book_count)
print(db.session.query(Book.up, func.sum(Book.pages)).group_by(Book.up).order_by(Book.up).all())
print(Book.query.with_entities(Book.title).filter(Book.double > 15).order_by(Book.title).all())
print(db.session.query(A).filter(A.book_count > 1).one().full)
print(db.session.scalars(select(Author).where(Author.full == 'Bo Kim')).one().book_count)
