from sqlalchemy.orm.attributes import flag_modified


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    posts = db.relationship('Post', backref='user')


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    draft = db.Column(db.Boolean, default=False)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))


db.create_all()
db.session.add(User(posts=[Post(), Post(draft=True)]))
db.session.commit()
print(db.session.execute(select(User.id, Post.id).join(Post, User.posts.and_(Post.draft == True))).all())
print(db.session.execute(select(User.id, Post.id).join_from(User, Post, User.posts.and_(Post.draft == False))).all())
u = db.session.get(User, 1)
db.session.execute(text('DELETE FROM post'))
db.session.execute(text('DELETE FROM user'))
try:
    db.session.refresh(u, ['id'])
except Exception as e:
    print(type(e).__name__, str(e).split(' at ')[0])
try:
    try:
        raise KeyError('a')
    except KeyError as a:
        try:
            raise ValueError('b')
        except ValueError:
            raise a
except KeyError as k:
    print(repr(k.__context__), repr(k.__context__.__context__))
try:
    with app.test_request_context('/?page=99999999999&per_page=999999999999'):
        Post.query.paginate()
except Exception as e:
    print(type(e).__name__)
