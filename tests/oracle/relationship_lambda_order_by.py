class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    books = db.relationship(lambda: Book, order_by=lambda: Book.title.desc(), backref="author")
    notes = db.relationship(lambda: Note, order_by=lambda: [Note.rank, Note.id.desc()])


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(40))
    author_id = db.Column(db.Integer, db.ForeignKey("author.id"))


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    rank = db.Column(db.Integer)
    author_id = db.Column(db.Integer, db.ForeignKey("author.id"))

    def __repr__(self):
        return f"<Note {self.id} r{self.rank}>"


db.create_all()
a = Author(name="Ann", books=[Book(title="B"), Book(title="C"), Book(title="A")])
a.notes = [Note(rank=2), Note(rank=1), Note(rank=2)]
db.session.add(a)
db.session.commit()
db.session.expire_all()
print([b.title for b in a.books])
print(a.notes)
print(Book.query.first().author.name)
print(Author.books.property.mapper.class_.__name__)
