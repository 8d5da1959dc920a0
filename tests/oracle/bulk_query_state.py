# Query.update()/delete() refuse a query with join(), select_from(), order_by(), group_by(),
# distinct(), limit() or offset(), and change no rows.
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    posts = db.relationship('Post', backref='author')
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
db.create_all()
db.session.add_all([User(name='a', posts=[Post()]), User(name='b')])
db.session.commit()
for f in [lambda: User.query.join(Post).filter(Post.id == 1).delete(),
          lambda: User.query.join(User.posts).update({'id': 5}),
          lambda: User.query.outerjoin(Post).delete(),
          lambda: User.query.select_from(User).delete(),
          lambda: User.query.order_by(User.id).delete(),
          lambda: User.query.group_by(User.id).delete(),
          lambda: User.query.distinct().update({'name': 'x'}),
          lambda: User.query.limit(1).delete(),
          lambda: User.query.offset(1).update({'name': 'x'})]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(User.query.count(), Post.query.count(), sorted(u.name for u in User.query))
print(User.query.filter(User.name == 'b').delete(), User.query.count())
