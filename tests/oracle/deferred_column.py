# db.deferred() and mapped_column(deferred=True): columns a load leaves out, loaded on access.
class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(40))
    posts = db.relationship('Post', backref='author', order_by='Post.id')


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80))
    body = db.deferred(db.Column(db.Text))
    notes = db.mapped_column(db.Text, deferred=True)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))


db.create_all()
a = Author(name='ann')
db.session.add_all([Post(title='Hi', body='long text', notes='n1', author=a),
                    Post(title='Yo', body='more text', notes='n2', author=a)])
db.session.commit()
db.session.expunge_all()
print(Post.query)
print(db.select(Post))
p = Post.query.order_by(Post.id).first()
print(p.title, 'body' in p.__dict__, 'notes' in p.__dict__)
print(p.body, 'body' in p.__dict__, 'notes' in p.__dict__)
print(p.notes)
q = db.session.get(Post, 2)
print(sorted(k for k in q.__dict__ if not k.startswith('_')))
u = Post.query.options(db.undefer(Post.body)).filter_by(id=2).one()
print(u is q, 'body' in u.__dict__)
db.session.expunge_all()
u = Post.query.options(db.undefer(Post.body)).filter_by(id=2).one()
print('body' in u.__dict__, 'notes' in u.__dict__)
au = db.session.get(Author, 1)
print([sorted(k for k in x.__dict__ if not k.startswith('_')) for x in au.posts])
rows = db.session.execute(db.select(Post).order_by(Post.id)).scalars().all()
print([r.body for r in rows])
p.title = 'Hey'
db.session.commit()
print(p.title, p.body)
print(Post.body.property.deferred, Post.title.property.deferred)
print(db.session.query(Post.id, Post.body).order_by(Post.id).all())
