import sqlalchemy.orm as so
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    posts: so.WriteOnlyMapped['Post'] = so.relationship(back_populates='user')
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.ForeignKey('user.id'))
    user: so.Mapped['User'] = so.relationship(back_populates='posts')
db.create_all()
u = User()
u.posts.add(Post())
u.posts.add_all([Post(), Post()])
db.session.add(u)
db.session.commit()
print(type(u.posts).__name__)
print(db.session.scalars(u.posts.select().order_by(Post.id.desc())).all())
print(u.posts.select())
try:
    print(list(u.posts))
except Exception as e:
    print(type(e).__name__, e)
try:
    print(u.posts.all())
except Exception as e:
    print(type(e).__name__, e)
p = db.session.get(Post, 2)
u.posts.remove(p)
db.session.commit()
print(p.user, db.session.scalars(u.posts.select()).all())
