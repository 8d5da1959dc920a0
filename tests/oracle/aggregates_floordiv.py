class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50))
    books = db.relationship('Book', backref='author', lazy='dynamic')

class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(100))
    year = db.Column(db.Integer)
    pages = db.Column(db.Integer)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))

db.create_all()
data = {'Tolkien': [('The Hobbit', 1937, 310), ('The Fellowship', 1954, 423)],
        'Austen': [('Emma', 1815, 474), ('Persuasion', 1817, 249), ('Sense', 1811, 409)],
        'Orwell': [('1984', 1949, 328)]}
for name, books in data.items():
    a = Author(name=name)
    db.session.add(a)
    for t, y, p in books:
        a.books.append(Book(title=t, year=y, pages=p))
db.session.commit()
q = db.session.query(Author.name, func.count(Book.id).label('n'), func.avg(Book.pages).label('avg_pages'),
                     func.min(Book.year), func.max(Book.year)).join(Book).group_by(Author.id).order_by(db.desc('n'))
for row in q:
    print(row)
    print(row.name, row.n, round(row.avg_pages, 1))
print(q.first()._asdict())
print(db.session.query(func.sum(Book.pages)).scalar(), db.session.query(func.total(Book.pages)).scalar())
print(db.session.query(func.group_concat(Book.title, ', ')).filter(Book.year < 1900).scalar())
print(db.session.query(Book.title).filter(Book.year.between(1900, 1950)).order_by(Book.year).all())
print(Book.query.filter(Book.title.in_(['Emma', '1984'])).order_by(Book.title).all())
print(db.session.query(func.upper(Book.title), func.length(Book.title)).order_by(Book.id).limit(2).all())
print(db.session.query(Book.year // 100 * 100, func.count()).group_by(Book.year // 100).all())
a = Author.query.filter_by(name='Austen').first()
print(a.books.count(), a.books.filter(Book.pages > 300).count(), [b.title for b in a.books.order_by(Book.year)])
print(db.session.query(func.coalesce(func.max(Book.pages), 0)).filter(Book.year > 3000).scalar())
print(db.session.query(func.abs(-5), func.round(3.14159, 2), func.lower('ABC')).one())
print(db.session.query(Author).join(Author.books).filter(Book.year > 1900).distinct().order_by(Author.name).all())
sub = db.session.query(Book.author_id, func.count('*').label('cnt')).group_by(Book.author_id).subquery()
print(db.session.query(Author.name, sub.c.cnt).join(sub, Author.id == sub.c.author_id).order_by(sub.c.cnt, Author.name).all())
print(Book.query.order_by(Book.pages.desc()).offset(1).limit(2).all())
print(Book.query.with_entities(Book.title).filter(Book.title.like('%e%')).order_by(Book.title).all())
print(Book.query.filter(Book.title.ilike('the%')).count())
print(Book.query.filter(~Book.title.contains('The')).count(), Book.query.filter(Book.title.notin_(['Emma'])).count())
print(Book.query.get(1).author.name)
