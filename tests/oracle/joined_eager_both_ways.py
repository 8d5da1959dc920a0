# Joined eager loading both ways (lazy='joined' on a collection and on its backref): the
# nested collection is a cycle SQLAlchemy does not join, yet its rows count as repeating, so
# a 2.0 result of the child needs unique(); the legacy Query uniquifies on its own.
class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    books = db.relationship('Book', backref=db.backref('author', lazy='joined'), lazy='joined')

    def __repr__(self):
        return f'<Author {self.name}>'


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))

    def __repr__(self):
        return f'<Book {self.title}>'


db.create_all()
db.session.add_all([Author(name='Le Guin', books=[Book(title='Earthsea'), Book(title='Lathe')]), Author(name='Banks')])
db.session.commit()
db.session.expunge_all()
try:
    print(db.session.scalars(db.select(Book)).all())
except Exception as e:
    print(type(e).__name__, e)
books = db.session.scalars(db.select(Book).order_by(Book.id)).unique().all()
print(books, [b.author for b in books], books[0].author.books)
db.session.expunge_all()
print(Book.query.order_by(Book.id).all(), Author.query.order_by(Author.id).all())
print(db.session.scalars(db.select(Author).order_by(Author.id)).unique().all())
