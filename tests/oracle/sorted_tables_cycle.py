# Tables whose foreign keys form a cycle (a user's favourite post, a post's author):
# the tables on the cycle lose their dependencies, and the sort keeps the given order
# for them: metadata order for create_all(), name order for sorted_tables.
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    fav_post_id = db.Column(db.Integer, db.ForeignKey('post.id'))
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
class Audit(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    post_id = db.Column(db.Integer, db.ForeignKey('post.id'))
class Zeta(db.Model):
    id = db.Column(db.Integer, primary_key=True)
print([t.name for t in db.metadata.sorted_tables])
db.create_all()
print(db.session.execute(text("select name from sqlite_master where type='table'")).scalars().all())
u = User(name='ann')
db.session.add(u)
db.session.commit()
p = Post(user_id=u.id)
db.session.add(p)
db.session.commit()
u.fav_post_id = p.id
db.session.add(Audit(post_id=p.id))
db.session.commit()
print(db.session.execute(text('select id, fav_post_id from user')).all(), Audit.query.count())
