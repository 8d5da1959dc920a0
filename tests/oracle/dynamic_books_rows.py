from sqlalchemy.exc import IntegrityError
class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), unique=True, nullable=False)
    books = db.relationship('Book', back_populates='author', lazy='dynamic', cascade='all, delete-orphan')
    def __repr__(self):
        return f'<Author {self.name!r}>'
class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(100), nullable=False)
    year = db.Column(db.Integer)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'), nullable=False)
    author = db.relationship('Author', back_populates='books')
    def __repr__(self):
        return '<Book %r (%s)>' % (self.title, self.year)
db.create_all()
a = Author(name='Le Guin')
b = Author(name='Banks')
db.session.add_all([a, b])
a.books.append(Book(title='Earthsea', year=1968))
a.books.extend([Book(title='Dispossessed', year=1974), Book(title='Lathe', year=1971)])
db.session.add(Book(title='Excession', year=1996, author=b))
db.session.commit()
print(a.books.count(), a.books.order_by(Book.year.desc()).first(), a.books.filter(Book.year < 1972).all())
print(Book.query.join(Author).filter(Author.name == 'Banks').all())
rows = db.session.query(Author.name, func.count(Book.id).label('n'), func.min(Book.year)).outerjoin(Book).group_by(Author.id).order_by(db.desc('n')).all()
for r in rows:
    print(r.name, r.n, r[2], r._asdict())
sub = db.session.query(Book.author_id, func.max(Book.year).label('latest')).group_by(Book.author_id).subquery()
print(db.session.query(Author.name, sub.c.latest).join(sub, Author.id == sub.c.author_id).order_by(Author.name).all())
try:
    db.session.add(Author(name='Banks'))
    db.session.flush()
except IntegrityError as e:
    print(type(e).__name__, e.orig, e.params)
    db.session.rollback()
db.session.delete(a)
db.session.commit()
print(Book.query.count(), Author.query.all(), [bk.author for bk in Book.query])
n = Book.query.filter(Book.year > 1990).update({Book.year: Book.year + 1})
print(n, Book.query.get(4).year if False else db.session.get(Book, 4).year)
print(Book.query.filter_by(title='nope').first(), Book.query.filter(Book.title.in_([])).all())
try:
    Book.query.filter_by(title='nope').one()
except Exception as e:
    print(type(e).__name__, e)
print(db.session.query(Book.title).filter(Book.author.has(name='Banks')).scalar())
print(Author.query.filter(Author.books.any(Book.year > 1990)).count(), db.session.query(Author).filter(~Author.books.any()).count())
