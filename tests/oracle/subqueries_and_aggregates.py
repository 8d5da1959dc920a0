class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    posts = db.relationship('Post', backref='author', lazy='dynamic')
    def __repr__(self):
        return f'<User {self.name}>'

class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(50))
    views = db.Column(db.Integer, default=0)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))

db.create_all()
names = ['ann', 'bob', 'cy', 'dee']
for i, n in enumerate(names):
    u = User(name=n)
    db.session.add(u)
    for j in range(i):
        db.session.add(Post(title=f'{n}-{j}', views=(i + 1) * (j + 2), author=u))
db.session.commit()
sub = db.session.query(Post.user_id, func.count('*').label('cnt')).group_by(Post.user_id).subquery()
print(db.session.query(User.name, sub.c.cnt).outerjoin(sub, User.id == sub.c.user_id).order_by(User.id).all())
print(db.session.query(User, func.count(Post.id).label('total')).outerjoin(Post).group_by(User.id).order_by(desc('total'), User.name).all())
print(db.session.query(User.name).filter(User.id.in_(db.session.query(Post.user_id).filter(Post.views > 10))).order_by(User.name).all())
top = db.session.query(Post.user_id, func.max(Post.views).label('mv')).group_by(Post.user_id).having(func.max(Post.views) > 6).all()
print(top, [r.mv for r in top])
print(User.query.filter(User.posts.any(Post.views > 10)).order_by(User.name).all())
print(db.session.query(func.count(func.distinct(Post.user_id))).scalar(), db.session.query(Post.user_id).distinct().count())
u = User.query.filter_by(name='dee').first()
print(u.posts.count(), u.posts.order_by(Post.views.desc()).first().title, [p.title for p in u.posts.filter(Post.views < 10)])
stmt = db.select(User.name, func.sum(Post.views).label('v')).join(Post).group_by(User.name).order_by(db.desc('v'))
print(db.session.execute(stmt).all())
print(db.session.execute(db.select(Post.title).where(Post.title.startswith('dee')).order_by(Post.title.desc()).limit(2).offset(1)).scalars().all())
sq = db.select(func.avg(Post.views)).scalar_subquery()
print(db.session.scalars(db.select(Post.title).where(Post.views > sq).order_by(Post.id)).all())
print(db.session.query(Post).filter(Post.author.has(User.name.in_(['cy', 'dee']))).count())
print(db.session.query(User.name.label('n')).order_by('n').first(), db.session.query(func.upper(User.name)).order_by(User.id).limit(2).all())
