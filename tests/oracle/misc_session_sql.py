# session.get() with a wrong number of key values (both APIs), identity_map.get(), and
# literal_binds SQL of an OFFSET without LIMIT.
class Membership(db.Model):
    user_id = db.Column(db.Integer, primary_key=True)
    group_id = db.Column(db.Integer, primary_key=True)
    role = db.Column(db.String(10))


db.create_all()
db.session.add(Membership(user_id=1, group_id=2, role='admin'))
db.session.commit()
for f in (lambda: db.session.get(Membership, 1), lambda: Membership.query.get((1, 2, 3))):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
m = db.session.get(Membership, (1, 2))
key = db.inspect(m).identity_key
print(db.session.identity_map.get(key) is m, db.session.identity_map.get((Membership, (9, 9), None)))
print(db.session.identity_map.get((Membership, (9, 9), None), 'missing'))
stmt = select(Membership).order_by(Membership.user_id).offset(5)
print(stmt.compile(db.engine, compile_kwargs={'literal_binds': True}))
print(select(Membership.role).limit(3).compile(db.engine, compile_kwargs={'literal_binds': True}))
