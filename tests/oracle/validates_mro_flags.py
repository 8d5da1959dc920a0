class Stamp:
    @db.validates('name')
    def low(self, key, v):
        print('low', type(self).__name__, key)
        return v.lower()

class Shelf(Stamp, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    books = db.relationship('Book', backref='shelf')

    @db.validates('books', include_removes=True)
    def v(self, key, book, is_remove):
        print(key, book.title, is_remove)
        if is_remove and book.title == 'keep':
            raise ValueError('cannot remove keep')
        return book

class Book(Stamp, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    title = db.Column(db.String(20))
    shelf_id = db.Column(db.Integer, db.ForeignKey('shelf.id'))

    @db.validates('shelf', include_backrefs=False)
    def vs(self, key, shelf):
        print('validated', key)
        return shelf

class Kind(Shelf):
    pass

s = Shelf(name='MAIN')
print(s.name)
b = Book(title='a', name='BOOK')
print(b.name)
s.books.append(b)
k = Book(title='keep')
s.books.append(k)
s.books.remove(b)
try:
    s.books.remove(k)
except ValueError as e:
    print('err', e)
print([x.title for x in s.books])
b.shelf = s
print([x.title for x in s.books])
s.books = [b]
print([x.title for x in s.books])
kk = Kind(name='KIND')
print(kk.name)
