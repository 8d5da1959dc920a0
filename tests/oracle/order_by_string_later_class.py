from sqlalchemy.exc import IntegrityError

class Author(db.Model):
    __tablename__ = 'authors'
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(64), nullable=False, index=True)
    books = db.relationship('Book', back_populates='author', cascade='all, delete-orphan', order_by='Book.year')

class Book(db.Model):
    __tablename__ = 'books'
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(128), nullable=False)
    year = db.Column(db.Integer)
    author_id = db.Column(db.Integer, db.ForeignKey('authors.id'), nullable=False)
    author = db.relationship('Author', back_populates='books')

    def __repr__(self):
        return '<Book %r (%s)>' % (self.title, self.year)

db.create_all()
a = Author(name='Le Guin')
a.books.append(Book(title='The Dispossessed', year=1974))
a.books.append(Book(title='A Wizard of Earthsea', year=1968))
b = Author(name='Herbert', books=[Book(title='Dune', year=1965)])
db.session.add_all([a, b])
db.session.commit()
print(a.books)
print(Author.query.filter(Author.books.any(Book.year < 1966)).all()[0].name)
print(Book.query.filter(Book.author.has(name='Le Guin')).count())
print(Book.query.join(Author).filter(Author.name == 'Herbert').one().title)
print(Book.query.join(Book.author).order_by(Author.name, Book.year.desc()).all())
a.books.remove(a.books[0])
db.session.commit()
print(Book.query.count(), a.books)
db.session.delete(a)
db.session.commit()
print(Book.query.count(), Author.query.count())
try:
    db.session.add(Book(title='Orphan'))
    db.session.commit()
except IntegrityError as e:
    db.session.rollback()
    print(type(e).__name__, e.orig)
print(db.session.query(Book.title).filter(Book.year > 1900).all())
res = db.session.execute(select(Book).where(Book.year == 1965)).scalars().all()
print(res, len(res))
res = db.session.execute(select(Author.name, func.count(Book.id)).join(Book, isouter=True).group_by(Author.name))
for row in res:
    print(row, row.name, row[1])
print(db.session.execute(text('SELECT count(*) FROM books WHERE year > :y'), {'y': 1900}).scalar())
page = Book.query.order_by(Book.id).paginate(page=1, per_page=1)
print(page.items, page.total, page.pages, page.has_next, page.next_num, list(page.iter_pages()))
