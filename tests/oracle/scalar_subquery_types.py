class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
    likes = db.Column(db.Integer)
    created = db.Column(db.DateTime)


db.create_all()
db.session.add_all([User(name='ann'), User(name='bob')])
db.session.add_all([Post(user_id=1, likes=3, created=datetime(2024, 1, 2, 9)), Post(user_id=1, likes=5, created=datetime(2024, 3, 1)),
                    Post(user_id=2, likes=2, created=datetime(2024, 2, 5))])
db.session.commit()
total = select(func.sum(Post.likes)).scalar_subquery()
print(db.session.query(Post.id, Post.likes / total).order_by(Post.id).all())
latest = select(func.max(Post.created)).where(Post.user_id == User.id).correlate(User).scalar_subquery()
rows = db.session.execute(select(User.name, latest.label('last_post')).order_by(User.name)).all()
print(rows, rows[0].last_post.year)
n = select(func.count(Post.id)).where(Post.user_id == User.id).scalar_subquery()
print(db.session.query(User.name, n.label('posts'), (n * 10).label('x')).order_by(User.id).all())
