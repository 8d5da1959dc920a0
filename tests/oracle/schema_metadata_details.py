class Author(db.Model):
    __table_args__ = {'comment': 'people who write'}
    id = db.Column(db.Integer, primary_key=True, comment='author id')
    name = db.Column(db.String(50), comment='display name')


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80))
    year = db.Column(db.Integer)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))
    __table_args__ = (db.Index('ix_book_year_title', 'year', 'title'), db.UniqueConstraint('title', 'author_id', name='uq_title_author'))


notes = db.Table('notes', db.Column('id', db.Integer, primary_key=True), comment='free text')
db.create_all()
print(Author.__table__.comment, Author.__table__.c.id.comment, Author.__table__.c.name.comment, Book.__table__.comment, notes.comment)
for ix in sorted(Book.__table__.indexes, key=lambda i: i.name):
    print(ix.name, ix.unique, [c.name for c in ix.columns], ix.table.name)
uq = [c for c in Book.__table__.constraints if isinstance(c, db.UniqueConstraint)][0]
print(uq.name, [c.name for c in uq.columns], list(uq.columns.keys()))
print(Book.__table__.c.author_id.references(Author.__table__.c.id), Book.__table__.c.author_id.references(Author.__table__.c.name), Book.__table__.c.year.references(Author.__table__.c.id))
print(db.engine.echo, str(db.engine.url))
