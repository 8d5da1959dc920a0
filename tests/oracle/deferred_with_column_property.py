# A deferred column in a class with column_property()s (before and after the table's
# columns): left out of the load, loaded on access.
class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(50))
    body = db.deferred(db.Column(db.Text))
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))
    author = db.relationship('Author')
    doubled = db.column_property(id * 2)
    title_len = db.column_property(db.func.length(title))


db.create_all()
db.session.add_all([Post(title='Hello', body='long text', author=Author(name='ann')),
                    Post(title='Bye', body='more', author=Author(name='bob'))])
db.session.commit()
db.session.expunge_all()
posts = Post.query.order_by(Post.id).all()
p = posts[0]
print('body' in p.__dict__, p.doubled, p.title_len, p.title)
print(p.body, 'body' in p.__dict__)
print([(x.id, x.doubled, x.title_len) for x in posts])
db.session.expunge_all()
q = Post.query.options(db.joinedload(Post.author)).filter(Post.title_len > 3).all()
print([(x.title, x.author.name, 'body' in x.__dict__, x.doubled) for x in q])
print(db.session.execute(db.select(Post).where(Post.id == 2)).scalar_one().body)
print(Post.query.get(2).title_len, db.session.get(Post, 1).doubled)
