from sqlalchemy import inspect
from sqlalchemy.orm import make_transient
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    posts = db.relationship('Post', backref='author', lazy='select')
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))

db.create_all()
u = User(name='a', posts=[Post(title='p1'), Post(title='p2')])
db.session.add(u)
db.session.commit()
ins = inspect(u)
print(ins.persistent, ins.transient, ins.detached, ins.pending, ins.identity, ins.has_identity)

print(inspect(User).primary_key[0].name, [c.key for c in inspect(User).columns])
print([r.key for r in inspect(User).relationships], inspect(User).relationships['posts'].direction.name)
db.session.expunge(u)
print(inspect(u).detached, u in db.session)
u2 = db.session.merge(u)
print(u2 is u, u2 in db.session, u2.name)
u2.name = 'b'
db.session.refresh(u2)
print(u2.name)
p = Post.query.first()
db.session.expunge(p)
make_transient(p)
p.id = None
p.title = 'copy'
db.session.add(p)
db.session.commit()
print(Post.query.count(), p.id)
sub = db.session.query(func.count(Post.id)).filter(Post.user_id == User.id).scalar_subquery()
print(db.session.query(User.name, sub).all())
print(db.session.query(db.exists().where(Post.title == 'copy')).scalar())
print(db.session.query(Post.query.filter_by(title='zz').exists()).scalar())
stmt = db.select(User.name, func.count(Post.id).label('n')).join(User.posts).group_by(User.id)
for row in db.session.execute(stmt):
    print(row.name, row.n, row._mapping['n'], row._asdict())
print(db.session.execute(db.select(func.count()).select_from(Post)).scalar_one())
