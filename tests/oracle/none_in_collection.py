tags = db.Table('tags', db.Column('tag_id', db.Integer, db.ForeignKey('tag.id')), db.Column('post_id', db.Integer, db.ForeignKey('post.id')))
class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    posts = db.relationship('Post', backref='author')
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))
    tags = db.relationship('Tag', secondary=tags, backref='posts')
class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
db.create_all()
a = Author(posts=[Post()])
db.session.add(a)
db.session.commit()
a.posts.append(None)
try:
    db.session.commit()
    print('committed')
except Exception as e:
    print(type(e).__name__, e)
db.session.rollback()
print(len(a.posts))
p = Post.query.first()
p.tags.append(None)
try:
    db.session.flush()
    print('flushed')
except Exception as e:
    print(type(e).__name__, e)
db.session.rollback()
b = Author(posts=[None])
db.session.add(b)
try:
    db.session.commit()
    print('committed')
except Exception as e:
    print(type(e).__name__, e)
db.session.rollback()
print(Author.query.count(), Post.query.count())
