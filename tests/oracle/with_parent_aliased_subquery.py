# Latest post per user: subquery + aliased entity, Query.exists(), with_parent, join_from.
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    posts = db.relationship('Post', backref='user', lazy='dynamic', cascade='all, delete-orphan')

    def __repr__(self):
        return f'<User {self.name}>'


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    created = db.Column(db.DateTime)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))

    def __repr__(self):
        return f'<Post {self.title}>'


db.create_all()
base = datetime(2024, 3, 1, 12, 0)
for name, n in [('ann', 3), ('ben', 1), ('cid', 0), ('dee', 2)]:
    u = User(name=name)
    for i in range(n):
        u.posts.append(Post(title=f'{name}{i}', created=base + timedelta(days=i * 2 + len(name))))
    db.session.add(u)
db.session.commit()
latest = (db.session.query(Post.user_id, func.max(Post.created).label('last'))
          .group_by(Post.user_id).subquery())
rows = (db.session.query(User.name, Post.title, latest.c.last)
        .join(latest, latest.c.user_id == User.id)
        .join(Post, (Post.user_id == User.id) & (Post.created == latest.c.last)).order_by(User.name).all())
print(rows)
recent = Post.query.filter(Post.created >= datetime(2024, 3, 6)).subquery()
RecentPost = db.aliased(Post, recent)
print(db.session.query(User.name, RecentPost.title).join(RecentPost, User.posts).order_by(RecentPost.title).all())
print(db.session.query(Post.query.filter(Post.title == 'ben0').exists()).scalar())
print(db.session.query(User.query.filter(User.name == 'zed').exists()).scalar())
ann = User.query.filter_by(name='ann').one()
print(Post.query.with_parent(ann).order_by(Post.created.desc()).first())
print(db.session.scalars(select(Post).where(db.with_parent(ann, User.posts)).order_by(Post.id)).all())
stmt = select(User.name, func.count(Post.id)).join_from(User, Post, isouter=True).group_by(User.name).order_by(User.name)
print(db.session.execute(stmt).all())
ann.posts.remove(ann.posts.first())
db.session.commit()
print(ann.posts.count(), Post.query.count())
db.session.delete(ann)
db.session.commit()
print(Post.query.count())
