class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    code = db.Column(db.String(10))

    def __eq__(self, other):
        return self.code.lower() == other.code.lower()

    def __hash__(self):
        return hash(self.code.lower())


db.create_all()
a, b = Item(code='AB'), Item(code='ab')
print(a == b, len({a, b}), b in {a})
class Playlist(db.Model):
    id = db.Column(db.Integer, primary_key=True)

    def __getitem__(self, index):
        return ['a', 'b', 'c'][index]


p = Playlist()
print(p[0])
print(p[1:])
class Track(db.Model):
    id = db.Column(db.Integer, primary_key=True)

    def __lt__(self, other):
        return self.id < other.id


try:
    print(Track(id=1) <= Track(id=2))
except TypeError as e:
    print('TypeError', e)
class Money(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    cents = db.Column(db.Integer)

    def __abs__(self):
        return Money(cents=abs(self.cents))

    def __int__(self):
        return self.cents

    def __float__(self):
        return self.cents / 100

    def __round__(self, n=None):
        return round(self.cents / 100, n)


m = Money(cents=-1250)
for fn in (abs, int, float, round):
    try:
        r = fn(m)
        print(fn.__name__, getattr(r, 'cents', r))
    except TypeError as e:
        print(fn.__name__, 'TypeError', e)
class Deck(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    cards = db.Column(db.String(100))

    def __iter__(self):
        return iter(self.cards.split(','))


d = Deck(cards='AS,KH,2C')
print(list(d))
print(' '.join(d))
class Cart(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    items = db.Column(db.String(100), default='')

    def __iadd__(self, item):
        self.items = (self.items or '') + item + ';'
        return self


c = Cart()
c += 'pen'
c += 'ink'
print(c.items)
try:
    db.session.execute(text('SELECT 1 WHERE 0')).one()
except Exception as e:
    print(type(e).__name__, e.code)
print('{!a}'.format('é'), f'{"é"!a}')
try:
    print(list(zip(['a', 'b'], [1, 2, 3], strict=True)))
except ValueError as e:
    print('ValueError', e)
for args in [([1, 2], [1, 2, 3]), ([1, 2, 3], [1, 2]), ([1, 2], [1, 2], [1]), ([1], [1, 2], [1, 2]), ([1, 2], [1, 2], [1, 2, 3]), ([1, 2], [1, 2])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError", e)
print(list(zip([1, 2], "abc", strict=False)))
