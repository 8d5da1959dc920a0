class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
class Quote(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    text = db.Column(db.String(20))
    n = db.Column(db.Integer)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))
    author = db.relationship('Author', backref='quotes')
db.create_all()
db.session.add(Quote(text='a', n=1, author=Author(name='W')))
db.session.commit()
for opt in [db.joinedload(Quote.author), db.selectinload(Quote.author), db.lazyload(Quote.author)]:
    db.session.expunge_all()
    x = db.session.scalars(db.select(Quote).options(db.load_only(Quote.text), opt)).first()
    print(sorted(k for k in x.__dict__ if not k.startswith('_')))
db.session.expunge_all()
a = db.session.scalars(db.select(Author).options(db.load_only(Author.name), db.joinedload(Author.quotes))).first()
print(sorted(k for k in a.__dict__ if not k.startswith('_')))
