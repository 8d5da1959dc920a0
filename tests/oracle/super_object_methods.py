class AppError(Exception):
    def __str__(self):
        return 'E: ' + super().__str__()

    def __repr__(self):
        return 'R' + super().__repr__()


class Coded(AppError):
    def __init__(self, msg, code=400):
        super().__init__(msg)
        self.code = code

    def __str__(self):
        return f'[{self.code}] ' + super().__str__()


print(str(AppError('boom')), repr(AppError('x', 2)))
print(str(Coded('bad')), Coded('bad').args)
try:
    raise Coded('nope', 404)
except AppError as e:
    print(e, e.code)


class P:
    def __str__(self):
        return 'P:' + super().__str__()[:3]

    def __eq__(self, other):
        return super().__eq__(other)

    def __hash__(self):
        return super().__hash__() * 0 + 7


print(str(P()), P() == P(), hash(P()))


class U(db.Model):
    id = db.Column(db.Integer, primary_key=True)

    def __repr__(self):
        return 'U!' + super().__repr__()

    def __str__(self):
        return 'S!' + super().__str__()


db.create_all()
u = U(id=1)
db.session.add(u)
db.session.commit()
print(repr(u), str(u))
for data in ([5000, None, 1], [None, 1], ['a', 1], [1, 'a', 2.5], [(1, 2), (1, 'a')]):
    try:
        sorted(data)
    except TypeError as e:
        print(e)
try:
    max([1, None])
except TypeError as e:
    print(e)
try:
    [3, None].sort()
except TypeError as e:
    print(e)
try:
    print(min('a', 3))
except TypeError as e:
    print(e)
try:
    print(1 < None)
except TypeError as e:
    print(e)
class Q:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return self.k == o.k
try:
    print({Q(1)})
except TypeError as e:
    print(e)
class R(Q):
    __hash__ = None
class S(Q):
    def __hash__(self):
        return hash(self.k)
print(hash(S('a')) == hash('a'), hash(S(5)), hash(True), hash(2.5), hash(-1), hash((1, 'a')))
try:
    d = {R(1): 1}
except TypeError as e:
    print(e)
