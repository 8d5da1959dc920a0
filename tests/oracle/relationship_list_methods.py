class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50))
    books = db.relationship('Book', back_populates='author', order_by='Book.title')

    def __repr__(self):
        return 'Author(%r)' % self.name


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(100))
    year = db.Column(db.Integer)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))
    author = db.relationship('Author', back_populates='books')

    def __repr__(self):
        return '<Book {} ({})>'.format(self.title, self.year)


db.create_all()
a = Author(name='Le Guin')
b = Author(name='Herbert')
a.books.append(Book(title='The Dispossessed', year=1974))
a.books.extend([Book(title='A Wizard of Earthsea', year=1968), Book(title='The Left Hand of Darkness', year=1969)])
dune = Book(title='Dune', year=1965, author=b)
db.session.add_all([a, b])
db.session.commit()
print(a.books)
print(len(a.books), dune in b.books, dune.author)
first = a.books.pop(0)
print(first, first.author, first in db.session)
db.session.commit()
print(first.author_id, Book.query.filter(Book.author_id.is_(None)).all())
a.books.insert(0, first)
db.session.commit()
print([bk.title for bk in a.books], first.author)
b.books = [dune, Book(title='Children of Dune', year=1976)]
db.session.commit()
print(b.books, Book.query.count())
dune.author = a
db.session.flush()
print([x.title for x in a.books], [x.title for x in b.books])
db.session.commit()
db.session.expire_all()
print([x.title for x in a.books], [x.title for x in b.books])
a.books.clear()
db.session.commit()
print(a.books, Book.query.filter_by(author=None).count())
print(Book.query.filter(Book.author.has(name='Herbert')).all())
print(Author.query.filter(Author.books.any(Book.year > 1970)).all())
print(Author.query.filter(~Author.books.any()).all())
print(Author.query.join(Author.books).filter(Book.year < 1970).distinct().all())
print(db.session.query(Author.name, db.func.count(Book.id)).outerjoin(Author.books).group_by(Author.id).order_by(Author.name).all())
print(sorted(a.name for a in Author.query), [repr(b) for b in Book.query.order_by(Book.year.desc()).limit(2)])
