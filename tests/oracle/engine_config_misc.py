class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    stamp = db.Column(db.DateTime, server_default=func.now())
    posts = db.relationship('Post', lazy='dynamic')
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
db.create_all()
print(sorted(k for k in app.config if k.startswith('SQLALCHEMY')))
print(app.config['SQLALCHEMY_RECORD_QUERIES'], app.config['SQLALCHEMY_ENGINE_OPTIONS'], app.config['SQLALCHEMY_BINDS'])
print(app.extensions['sqlalchemy'] is db, db.session is db.session)
u = User(name='a')
db.session.add(u)
db.session.commit()
print(User.query.filter(User.stamp <= datetime.utcnow() + timedelta(minutes=1)).count())
print(db.session.query(func.date('now') == date.today().isoformat()).scalar())
print(User.query.value(User.name), User.query.filter_by(name='zz').value(User.id))
print(db.get_engine())
print(u.posts.statement)
for f in [lambda: db.engine.execute('select 1'), lambda: db.engine.nope, lambda: db.session.execute(select([User.name])).all()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, str(e)[:70])
with db.engine.connect() as conn:
    print(conn.execute(text('select 1')).scalar())
