# The identity map holds objects weakly: an object the script no longer refers to is gone,
# so the next query makes a fresh one with the database's values; held ones stay as they are.
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    age = db.Column(db.Integer)


db.create_all()
db.session.add_all([User(name='a', age=20), User(name='b', age=40)])
db.session.commit()
print([u.name for u in User.query.order_by(User.id)])
db.session.execute(text("UPDATE user SET name = upper(name)"))
print([u.name for u in User.query.order_by(User.id)])
kept = User.query.get(1)
User.query.filter(User.age > 10).update({'age': 99}, synchronize_session=False)
print([(u.name, u.age) for u in User.query.order_by(User.id)])
print(kept.age)
print(len(User.query.all()), len(db.session.identity_map))
users = User.query.all()
print(len(db.session.identity_map), list(db.session.identity_map.keys()))
one = users[0]
del users
print(len(db.session.identity_map), User.query.get(1) is one)
db.session.execute(text("UPDATE user SET name = 'zz'"))
print([u.name for u in User.query.order_by(User.id)])
db.session.get(User, 2).name = 'changed'
print(len(db.session.identity_map), db.session.get(User, 2).name)
