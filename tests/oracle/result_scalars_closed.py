class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
db.create_all()
db.session.add(User(name='a'), User(name='b'))
db.session.commit()
print([u.name for u in User.query.all()])
db.session.add_all([User(name='c'), User(name='d')])
db.session.commit()
r = db.session.execute(text("select 'a' as x, 'b' as y"))
print(r.scalars(1).all())
print(db.session.execute(text("select 'a' as x, 'b' as y")).scalars('y').all())
print(db.session.execute(select(User.id, User.name).order_by(User.id)).scalars(1).all())
for name in ['first', 'scalar']:
    r = db.session.execute(text("select 1 union all select 2"))
    print(getattr(r, name)())
    for f in [r.all, r.first, r.fetchone, r.one_or_none]:
        try:
            print(f())
        except Exception as e:
            print(type(e).__name__, e)
r = db.session.execute(text("select 1 union all select 2"))
print(r.all(), r.all(), r.first())
for f in [lambda: db.session.add_all(), lambda: db.session.delete(), lambda: db.session.add(), lambda: {}.update(['x'])]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
