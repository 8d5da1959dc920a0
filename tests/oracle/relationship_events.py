# Backrefs and the save-update cascade happen when the relationship event fires
tags = db.Table('tags', db.Column('tag_id', db.ForeignKey('tag.id')), db.Column('page_id', db.ForeignKey('page.id')))


class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    books = db.relationship('Book', backref='author')


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))


class Page(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    tags = db.relationship('Tag', secondary=tags, backref='pages')


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)


db.create_all()
# a fresh transient parent's empty collection is instrumented
a = Author(name='ann')
b = Book(title='one')
a.books.append(b)
print(b.author is a, a.books[0].author is a)
a.books.extend([Book(title='two')])
print([x.author is a for x in a.books])
p, t = Page(), Tag()
p.tags.append(t)
print(len(t.pages), t.pages[0] is p)
# nothing is in the session yet; adding the parent cascades
print(b in db.session, len(db.session.new))
db.session.add(a)
print(len(db.session.new))
db.session.commit()
# appending to a persistent parent's collection puts the child in the session at once
c = Book(title='three')
a.books.append(c)
print(c in db.session, c in db.session.new, len(db.session.new))
# a backref's event does not cascade (SQLAlchemy 2.0): the flush leaves it out
d = Book(title='four', author=a)
print(d in db.session, d in a.books)
db.session.commit()
print(Book.query.count())
# setting a many-to-one on a persistent object: dirty, the new target enters the session
a2 = Author(name='bob')
book = db.session.get(Book, 1)
book.author = a2
print(a2 in db.session, a2 in db.session.new, book in db.session.dirty)
print(len(a2.books), book.author_id)
db.session.commit()
print(book.author.name, [x.title for x in a2.books])
# the other side's unloaded collection sees the change (autoflush before its load)
a3 = Author(name='cy')
db.session.add(a3)
db.session.commit()
book2 = db.session.get(Book, 2)
book2.author = a3
print(len(a3.books), book2.author_id, [x.title for x in a.books])
# a pending object removed from a delete-orphan collection leaves the session


class Box(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    items = db.relationship('Item', backref='box', cascade='all, delete-orphan')


class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    box_id = db.Column(db.Integer, db.ForeignKey('box.id'), nullable=False)


db.create_all()
bx = Box()
db.session.add(bx)
it = Item()
bx.items.append(it)
print(it in db.session)
bx.items.remove(it)
print(it in db.session, len(db.session.new))
it2 = Item()
bx.items = [it2]
bx.items = []
print(it2 in db.session, len(db.session.new))
db.session.commit()
print(Item.query.count(), Box.query.count())
