class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))
db.create_all()
a = Author(name='bob'); b = Author(name='amy')
db.session.add_all([a, b, Book(title='x', author_id=1), Book(title='y', author_id=2)])
db.session.commit()
n = Book.query.filter(Book.author_id == Author.id, Author.name == 'bob').update({'title': 'z'}, synchronize_session=False)
print(n, [bk.title for bk in Book.query.order_by(Book.id)])
n = db.session.query(Book).filter(Book.author_id == Author.id).filter(Author.name == 'amy').update({Book.title: Book.title + '!'}, synchronize_session='fetch')
print(n, [bk.title for bk in Book.query.order_by(Book.id)])
try:
    Book.query.filter(Book.author_id == Author.id, Author.name == 'amy').delete(synchronize_session=False)
except NotImplementedError as e:
    print('NotImplementedError', e)
u = db.update(Book).where(Book.author_id == Author.id).where(Author.name == 'bob').values(title=Author.name + '-' + Book.title)
print(u)
print(db.session.execute(u).rowcount)
d = db.delete(Book).where(Book.author_id == Author.id).where(Author.name == 'amy')
print(d)
try:
    db.session.execute(d)
except Exception as e:
    print(type(e).__name__, e)
try:
    Book.query.filter(Book.author_id == Author.id, Author.name == 'bob').update({'title': Book.title + '?'}, synchronize_session='evaluate')
except Exception as e:
    print(type(e).__name__, e)
print([(b.id, b.title) for b in Book.query.order_by(Book.id)])
