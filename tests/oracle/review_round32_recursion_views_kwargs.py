class A:
    @property
    def x(self):
        return self.x
    def __eq__(self, o):
        return self == o
    def m(self):
        return self.m()
    def __repr__(self):
        return repr(self)
    def __len__(self):
        return len(self)
for label, f in [('prop', lambda: A().x), ('eq', lambda: A() == 1), ('meth', lambda: A().m()), ('len', lambda: len(A()))]:
    try:
        f()
    except RecursionError as e:
        print(label, e)
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    @property
    def display(self):
        return self.display
    def walk(self):
        return self.walk()
    def __init__(self, **kw):
        super().__init__(**kw)
db.create_all()
u = User(name='a')
for label, f in [('mprop', lambda: u.display), ('mmeth', lambda: u.walk())]:
    try:
        f()
    except RecursionError as e:
        print(label, e)
class Base:
    def __init__(self):
        pass
class B(Base):
    @property
    def v(self): return 5
class C(B):
    @property
    def v(self): return super().v + 1
print(C().v)
class D:
    pass
D.__init__(D())
try:
    D.__init__(D(), 1)
except TypeError as e:
    print(e)
try:
    object.__init__(D(), 1)
except TypeError as e:
    print(e)
class E(Exception):
    def __init__(self, msg):
        Exception.__init__(self, msg)
print(E('hi').args)
class U2(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    def __init__(self, name):
        db.Model.__init__(self, name=name)
print(U2('z').name)
def kw(**k): return k
try:
    kw(a=1, **{'a': 2})
except TypeError as e:
    print(e)
try:
    User(name='a', **{'name': 'b'})
except TypeError as e:
    print(e)
try:
    dict(a=1, **{'a': 2})
except TypeError as e:
    print(e)
class K:
    def meth(self, **kw): return kw
try:
    K().meth(x=1, **{'x': 2})
except TypeError as e:
    print(e)
try:
    print(**{'sep': '-'}, sep='+')
except TypeError as e:
    print(e)
class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50))
    books = db.relationship('Book', backref='author', cascade='all, delete-orphan')
class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(50))
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))
db.create_all()
a = Author(name='a', books=[Book(title=f"b{i}") for i in range(5)])
db.session.add(a); db.session.commit()
for b in a.books:
    if b.title in ('b1', 'b2'):
        a.books.remove(b)
print([b.title for b in a.books])
db.session.commit()
n = 0
for b in a.books:
    n += 1
    if n < 3:
        a.books.append(Book(title=f"new{n}"))
print([b.title for b in a.books], n)
db.session.commit()
for b in list(a.books):
    db.session.delete(b)
db.session.commit()
print(a.books, Book.query.count())
d = {'x': 1, 'y': 2}
for k, v in d.items():
    d[k] = v * 10
print(d)
try:
    for k in d.keys():
        del d[k]
except RuntimeError as e:
    print('RT', e)
print(d)
try:
    for v in d.values():
        d['new'] = 1
except RuntimeError as e:
    print('RT', e)
d2 = {'a': 1}
try:
    for k, v in d2.items():
        d2['b'] = 2
except RuntimeError as e:
    print('RT', e)
s = {1, 2}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print('RT', e)
lst = [1, 2, 3]
for x in lst:
    if x < 3:
        lst.append(x * 10)
print(lst)
rows = db.session.execute(db.select(Author)).scalars()
for r in rows:
    print(r.name)
for i, r in enumerate(Author.query.all()):
    print(i, r.name)
e = enumerate(['a', 'b', 'c'], 1)
print(next(e))
print(list(e))
print(type(enumerate([])).__name__)
print(dict(enumerate('ab')))
print(sorted(enumerate('ba'), key=lambda t: t[1]))
print(list(zip(enumerate('ab'), 'xy')))
try:
    len(enumerate([1]))
except TypeError as ex:
    print(ex)
try:
    enumerate([1])[0]
except TypeError as ex:
    print(ex)
print(bool(enumerate([])))
print([x for x in enumerate(range(2))])
print(sum(i for i, _ in enumerate('abc')))
print(max(enumerate('abz'), key=lambda t: t[1]))
a0, b0 = enumerate('xy')
print(a0, b0)
print(*enumerate('pq'))
print(tuple(enumerate({'k': 1})))
print(list(enumerate(x for x in [5, 6])))
try:
    enumerate([1], start='a')
except TypeError as ex:
    print(ex)
print(list(enumerate([1], start=True)))
print(' '.join(f"{i}{c}" for i, c in enumerate('ab')))
print(list(reversed(list(enumerate('ab')))))
print(list(map(lambda t: t[0], enumerate('abc'))))
print(dict((v, i) for i, v in enumerate('ab')))
print(set(enumerate('a')))
print(any(enumerate([0])), all(enumerate([])))
print(list(filter(None, enumerate('a'))))
print(min(enumerate([3,1]), key=lambda t: t[1]))
class A:
    def __init__(self):
        A()
class G:
    def __getattr__(self, n):
        return self.zz
class H:
    def __str__(self):
        return str(self)
class I:
    def __call__(self):
        return self()
def f(x):
    return sorted([1], key=f)
def g(x):
    return list(map(g, [1]))
