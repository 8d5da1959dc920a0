# lazy='dynamic' collections: filtering, counting, slicing, appending, removing, len() error.
class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    books = db.relationship('Book', backref='author', lazy='dynamic', order_by='Book.year')

    def __repr__(self):
        return f'<Author {self.name}>'


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(60))
    year = db.Column(db.Integer)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))

    def __repr__(self):
        return f'<Book {self.title} ({self.year})>'


db.create_all()
tolkien = Author(name='Tolkien')
db.session.add(tolkien)
for t, y in [('The Two Towers', 1954), ('The Hobbit', 1937), ('Silmarillion', 1977), ('Return of the King', 1955)]:
    tolkien.books.append(Book(title=t, year=y))
db.session.commit()
print(type(tolkien.books).__name__, tolkien.books.count())
print(tolkien.books.all())
print(tolkien.books.filter(Book.year > 1950).order_by(None).order_by(Book.title).all())
print(tolkien.books[0], tolkien.books[1:3], tolkien.books.first())
print(tolkien.books.filter_by(year=1937).one().title, tolkien.books.limit(2).offset(1).all())
print([b.title for b in tolkien.books.order_by(Book.year.desc())][:2])
try:
    len(tolkien.books)
except TypeError as e:
    print('TypeError', e)
hobbit = Book.query.filter_by(title='The Hobbit').first()
tolkien.books.remove(hobbit)
db.session.commit()
print(tolkien.books.count(), hobbit.author, hobbit.author_id)
lewis = Author(name='Lewis')
lewis.books.extend([Book(title='Narnia', year=1950), hobbit])
db.session.add(lewis)
db.session.commit()
print(lewis.books.all(), hobbit.author)
print(Author.query.join(Author.books).filter(Book.year < 1951).order_by(Author.name).distinct().all())
print(db.session.query(Author.name, func.count(Book.id)).join(Author.books).group_by(Author.id).order_by(Author.name).all())
print(tolkien.books.with_entities(func.min(Book.year), func.max(Book.year)).one())
print(lewis.books.filter(Book.title.like('N%')).delete(synchronize_session=False), lewis.books.count())
print(list(tolkien.books.filter(Book.year == 1955)), bool(tolkien.books.filter(Book.year == 2000).first()))
