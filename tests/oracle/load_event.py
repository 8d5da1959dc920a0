from sqlalchemy import event


class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    books = db.relationship('Book', backref='author')


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))


loaded = []


@event.listens_for(Book, 'load')
def on_book(target, context):
    target.cache = target.title.upper()
    loaded.append(target.title)


def on_author(target, context):
    print('author loaded', target.name)


event.listen(Author, 'load', on_author)
db.create_all()
a = Author(name='ann', books=[Book(title='one'), Book(title='two')])
db.session.add(a)
db.session.commit()
print(a.name, loaded)
db.session.expunge_all()
b = db.session.get(Book, 1)
print(b.cache, loaded)
print([x.cache for x in b.author.books], loaded)
db.session.expire(b)
print(b.title, loaded)
print(len(Book.query.filter(Book.id > 5).all()), loaded)
