# str() of a legacy Query (SQLite dialect) and stmt.compile(db.engine) show an IN list as its
# expanding parameter `(__[POSTCOMPILE_name_N])`, empty lists included, counted with the
# other parameters and labels of the same name.
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120))


db.create_all()
db.session.add_all([User(email='a'), User(email='b')])
db.session.commit()
print(User.query.filter(User.email.in_(['a', 'b'])))
print(User.query.filter(User.id.not_in([1, 2, 3])))
print(str(User.query.filter(User.id.in_([]))))
print(User.query.filter(User.id == 5, User.id.in_([1, 2]), User.email.in_([]), User.email.like('a%')))
q = db.session.query(User.id, func.count(User.id)).filter(User.id.in_([1, 2])).group_by(User.id).having(func.count(User.id).in_([1, 2]))
print(q)
print(q.all())
print(select(User).where(User.id.in_([1, 2]), User.email == 'x').compile(db.engine))
print(select(User.email).where(User.email.not_in(['a'])).compile(db.engine, compile_kwargs={'literal_binds': True}))
print(select(User.id).where(User.id.in_([])))
print(User.query.filter(User.id.in_([]), User.email == 'a').count(), User.query.filter(User.email.not_in([])).count())
