class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), nullable=False)
    email = db.Column(db.String(120), unique=True)
    posts = db.relationship('Post', backref='author')

class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80))
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'), nullable=False)

db.create_all()
insp = db.inspect(db.engine)
print(insp.get_table_names())
for col in insp.get_columns('user'):
    print(col['name'], col['type'], col['nullable'], col['default'], col['primary_key'])
print(insp.get_foreign_keys('post'))
print(insp.get_indexes('user'))
print(insp.get_unique_constraints('user'))
print(insp.get_pk_constraint('post'))
print(insp.has_table('user'), insp.has_table('nope'))
m = db.inspect(User)
print([c.key for c in m.columns])

print(m.primary_key)
print(m.class_, m.local_table, m.tables)


u = User(name='ann', email='a@x')
s = db.inspect(u)
print(s.transient, s.pending, s.persistent, s.detached, s.has_identity, s.identity)
db.session.add(u)
print(s.transient, s.pending, s.persistent)
db.session.commit()
print(s.persistent, s.identity, s.identity_key, s.expired, s.modified)
print(u.name)
u.name = 'bob'
print(s.modified)

db.session.commit()
db.session.delete(u)
db.session.flush()
print(s.deleted, s.was_deleted, s.persistent)
db.session.commit()
print(s.detached, s.was_deleted, s.session)
print(db.inspect(Post).columns.keys(), db.inspect(Post).columns['title'].type)
print(User.__table__.name, User.__tablename__, Post.__table__.foreign_keys)
print([fk.target_fullname for fk in Post.__table__.c.user_id.foreign_keys])
print(User.__mapper__)
