class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    quotes = db.relationship('Quote', backref=db.backref('author', lazy='joined', innerjoin=True))


class Quote(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))


db.create_all()
db.session.add_all([Quote(author=Author()), Quote()])
db.session.commit()
print(len(Quote.query.all()), Quote.query.count())
print(Quote.query)
