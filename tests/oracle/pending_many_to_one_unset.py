class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class Quote(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))
    author = db.relationship('Author')


db.create_all()
db.session.add(Author())
db.session.commit()
q = Quote(author_id=1)
db.session.add(q)
print(q.author)
db.session.flush()
print(q.author)
