# Putting the wrong things into relationships: str, None, wrong class, duplicates.
class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    posts = db.relationship('Post', back_populates='author')


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(30))
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))
    author = db.relationship('Author', back_populates='posts')


db.create_all()
ann = Author(name='Ann')
p1 = Post(title='First', author=ann)
db.session.add(ann)
db.session.commit()
for label, fn in [('author=str', lambda: setattr(p1, 'author', 'Ann')),
                  ('append None', lambda: ann.posts.append(None)),
                  ('append Author', lambda: ann.posts.append(Author(name='x'))),
                  ('posts=Post', lambda: setattr(ann, 'posts', p1)),
                  ('posts=dict', lambda: setattr(ann, 'posts', {'a': p1})),
                  ('Post(author=1)', lambda: Post(title='bad', author=1))]:
    try:
        fn()
        print(label, 'accepted')
    except Exception as e:
        print(label, type(e).__name__, '|', e)
db.session.rollback()
print([p.title for p in ann.posts], p1.author.name)
ann.posts.append(p1)
print(len(ann.posts), ann.posts.count(p1))
p2 = Post(title='Second')
ann.posts += [p2]
db.session.commit()
print([(p.id, p.title, p.author_id) for p in Post.query.order_by(Post.id)])
p2.author = None
db.session.commit()
print(ann.posts == [p1], p2.author_id, ann.posts[0] is p1, p1 in ann.posts)
ann.posts = []
db.session.commit()
print(Post.query.filter(Post.author_id.is_(None)).count(), Author.query.count())
