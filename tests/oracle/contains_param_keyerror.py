class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    posts = db.relationship('Post', backref='author')
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey('user.id'))
db.create_all()
u = User(posts=[Post()]); db.session.add(u); db.session.commit()
print(Post.author == u)
print(Post.author != u)
print(User.posts.contains(u.posts[0]))
print(~User.posts.contains(u.posts[0]))
q = User.query.filter(User.posts.contains(u.posts[0]))
print(q)
print(q.all())
for fn in (lambda: db.session.expire(u, ['nope']), lambda: db.session.refresh(u, ['nope'])):
    try:
        fn()
    except KeyError as e:
        print(type(e).__name__, str(e), e.args)
try:
    @app.before_first_request
    def create_tables():
        db.create_all()
    print('registered')
except AttributeError as e:
    print('AttributeError', e)
