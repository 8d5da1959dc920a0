class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    books = db.relationship('Book', backref='author', lazy='dynamic')


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))

    def __repr__(self):
        return f'<Book {self.title}>'


db.create_all()
a = Author(id=7)
print(a.books)
db.session.add(a)
print(a.books)
db.session.commit()
print(a.books.filter(Book.id > 3))
db.session.expunge(a)
print(a.books)
try:
    a.books.filter(Book.id > 3)
except Exception as e:
    print(type(e).__name__)
a = Author(id=8)
a.books.append(Book(title='x'))
a.books.add(Book(title='y'))
a.books.add_all([Book(title='z')])
print(a.books.all(), a.books.count(), a.books[0], a.books[1:], list(a.books))
for name in ['first', 'filter', 'order_by']:
    try:
        m = getattr(a.books, name)
        print(m() if name != 'filter' else m(Book.id > 1))
    except Exception as e:
        print(name, type(e).__name__)
db.session.add(a)
print(a.books.order_by(Book.title.desc()).all(), a.books.count())
db.session.commit()
print(a.books.first(), a.books[1:])
