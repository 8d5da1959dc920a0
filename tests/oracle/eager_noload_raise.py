# noload / raiseload / lazyload options, lazy='noload' / 'raise' / 'raise_on_sql', and the
# errors SQLAlchemy raises for loader options that do not fit the query.
from sqlalchemy.orm import joinedload, lazyload, noload, raiseload, defaultload


class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    books = db.relationship('Book', backref='author', lazy='joined')
    notes = db.relationship('Note', lazy='raise')
    drafts = db.relationship('Draft', lazy='noload')

    def __repr__(self):
        return f'<Author {self.name}>'


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))

    def __repr__(self):
        return f'<Book {self.title}>'


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))


class Draft(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))


db.create_all()
db.session.add(Author(name='ann'))
db.session.commit()
db.session.add_all([Book(title='b1', author_id=1), Book(title='b2', author_id=1)])
db.session.add(Note(author_id=1))
db.session.commit()
db.session.add(Draft(author_id=1))
db.session.commit()
db.session.close()

a = Author.query.first()
print(a.books, a.drafts)
try:
    a.notes
except Exception as e:
    print(type(e).__name__, e)
db.session.close()
a = Author.query.options(lazyload(Author.books)).first()
print(a.books)
db.session.close()
a = Author.query.options(noload(Author.books)).first()
print(a.books)
db.session.close()
a = Author.query.options(raiseload(Author.books)).first()
try:
    a.books
except Exception as e:
    print(type(e).__name__, e)
db.session.commit()
print(a.books)
db.session.close()
b = Book.query.options(raiseload('*')).first()
try:
    b.author
except Exception as e:
    print(type(e).__name__, e)
db.session.close()
a = Author.query.first()
b = Book.query.options(raiseload(Book.author, sql_only=True)).first()
print(b.author)
db.session.close()
b = Book.query.options(raiseload(Book.author, sql_only=True)).first()
try:
    b.author
except Exception as e:
    print(type(e).__name__, e)
for make in [lambda: Author.query.options(joinedload('books')),
             lambda: Author.query.options(joinedload(Book.author)).all(),
             lambda: joinedload(Author.books).joinedload(Author.books),
             lambda: Author.query.options(Author.books)]:
    try:
        make()
    except Exception as e:
        print(type(e).__name__, e)
print(Author.query.options(defaultload(Author.books).lazyload(Book.author)).all())
