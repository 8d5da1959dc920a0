# A typo in a ForeignKey's column: create_all and the first use of the models refuse it.
class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50))
    books = db.relationship('Book', backref='author', lazy=True)


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(100))
    author_id = db.Column(db.Integer, db.ForeignKey('author.author_id'))


for step in ['create_all', 'Author()', 'query', 'create_all again']:
    try:
        if step.startswith('create_all'):
            db.create_all()
        elif step == 'Author()':
            Author(name='Ann')
        else:
            Book.query.all()
        print(step, 'ok')
    except Exception as e:
        print(step, type(e).__name__)
        print(' ', e)
