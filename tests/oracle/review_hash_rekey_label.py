class P:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return isinstance(o, P) and self.x == o.x
    def __hash__(self): return hash(self.x)
    def __repr__(self): return f"P({self.x})"


class Tag:
    def __init__(self, name): self.name = name
    def __eq__(self, o): return self.name == o.name
    def __hash__(self): return hash(self.name)


class Color:
    def __init__(self, code): self.code = code
    def __eq__(self, o): return self.code == o.code
    def __hash__(self): return hash(self.code)


print(len({Tag('red'), Tag('blue'), Tag('red')}), len({Color('red')}))
d = {(P(1), 2): 'a'}
print((P(1), 2) in d, len({(P(1),), (P(1),)}), d.get((P(1), 2)))
a = P(1); s = {a}; a.x = 2
print(a in s, P(1) in s, P(2) in s)
k1, k2 = P(3), P(3)
d = {k1: 1}; d[k2] = 2
print(d, list(d)[0] is k1)
d = {P(1): 'x', P(2): 'y'}
print(d.pop(P(1)), d, d.setdefault(P(2), 'z'), P(2) in d.keys())
s = set(); s.add(P(5)); s.add(P(5)); s.discard(P(6)); s.update([P(5), P(7)])
print(sorted(p.x for p in s), {P(1): 1} == {P(1): 1})


class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, x):
        self.items.append(x)


acc = Acc()
acc += 1
print(acc)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    posts = db.relationship('Post', backref='user')


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))


db.create_all()
u = User(id=1, name='x')
db.session.add_all([u, User(id=2, name='y', posts=[Post()]), Post(user=u), Post(user=u)])
db.session.commit()
u.id = 50
db.session.flush()
db.session.rollback()
print(u.id, u.name, db.session.get(User, 1) is u, db.session.get(User, 50))
cnt = db.func.count(Post.id).label('cnt')
q = (db.session.query(User, cnt).outerjoin(User.posts).group_by(User.id)
     .options(db.joinedload(User.posts)).order_by(cnt.desc()).limit(5))
print([(x.name, n, len(x.posts)) for x, n in q])
