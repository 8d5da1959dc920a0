# Iterating the session and its identity map (a mapping of identity keys)
class Pet(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


class Tag(db.Model):
    code = db.Column(db.String(5), primary_key=True)
    n = db.Column(db.Integer, primary_key=True)


db.create_all()
p = Pet(name='Tom')
db.session.add(p)
print([x.name for x in db.session], len(list(db.session)), list(db.session.identity_map))
db.session.commit()
print(list(db.session.identity_map.keys()), list(db.session.identity_map))
print(list(db.session.identity_map.values()), list(db.session.identity_map.items()))
k = list(db.session.identity_map.keys())[0]
print(k[0] is Pet, k[1], k[2], k == db.inspect(p).identity_key)
r = Pet(name='Rex')
db.session.add(r)
print(sorted(x.name for x in db.session), len(db.session.identity_map))
t = Tag(code='a', n=1)
db.session.add(t)
db.session.commit()
print(sorted(str(k[1]) for k in db.session.identity_map.keys()))
print(sorted(type(o).__name__ for o in db.session))
db.session.close()
print(list(db.session), list(db.session.identity_map.keys()))
