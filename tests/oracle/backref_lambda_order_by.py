# A backref's order_by given as a lambda naming the class being defined: called when the
# mappers are configured, as the relationship's own order_by lambda is.
class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    post_id = db.Column(db.Integer, db.ForeignKey('post.id'))


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    tags = db.relationship(Tag, backref=db.backref('post', order_by=lambda: Post.title),
                           order_by=lambda: Tag.name.desc())


class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    books = db.relationship('Book', backref=db.backref('author', lazy='joined',
                                                      order_by=lambda: Author.id.desc()))


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))


db.create_all()
p = Post(title='hello', tags=[Tag(name='a'), Tag(name='c'), Tag(name='b')])
a = Author(books=[Book(), Book()])
db.session.add_all([p, a])
db.session.commit()
db.session.expire_all()
print([t.name for t in Post.query.first().tags])
print(Tag.query.filter_by(name='c').one().post.title)
print(Book.query.order_by(Book.id).all(), Book.query.first().author)
