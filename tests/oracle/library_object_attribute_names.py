class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    posts = db.relationship('Post', lazy='dynamic')
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
db.create_all()
u = User(name='ann')
db.session.add(u)
db.session.commit()
for o in [User.query, db.session.query(User.id), db.select(User), db.session.execute(text('select 1')),
          u.posts, text('x'), func.count(User.id), User.id == 1, db.exists(), db.update(User)]:
    try:
        print(getattr(o, 'nosuch'))
    except AttributeError as e:
        print(type(e).__name__, e)
print(hasattr(User.query, 'username'), hasattr(User.query, 'filter_by'), hasattr(db.select(User), 'join_from'))
try:
    print(User.query.username)
except AttributeError as e:
    print(e)
for x in [func.count(User.id), func.lower(User.name), func.MAX(User.id), User.id.desc(), db.case((User.id > 1, 'a')),
          db.cast(User.id, db.String), User.id.label('x'), and_(User.id == 1, User.id == 2), db.literal(1),
          db.select(User.id).scalar_subquery(), db.null(), db.true(), func.count().over(), User.name.distinct(),
          db.tuple_(User.id, User.name), db.type_coerce(User.id, db.String), User.id == 1]:
    print(type(x).__name__)
