class Shape:
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
    def area(self):
        raise NotImplementedError('subclass must implement')
    def __str__(self):
        return f'{type(self).__name__}({self.name})'
    def __eq__(self, other):
        return isinstance(other, Shape) and self.area() == other.area()
    def __lt__(self, other):
        return self.area() < other.area()

class Rect(Shape):
    def __init__(self, name, w, h):
        super().__init__(name)
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    @property
    def square(self):
        return self.w == self.h
    @staticmethod
    def unit():
        return Rect('unit', 1, 1)
    @classmethod
    def of(cls, n):
        return cls(f'sq{n}', n, n)

shapes = [Rect('a', 2, 3), Rect.of(2), Rect.unit(), Rect('b', 3, 2)]
print([str(s) for s in shapes], Shape.count, shapes[0] == shapes[3], shapes[0] != shapes[1])
print(sorted(shapes)[0].name, max(shapes).name, [s.square for s in shapes])
try:
    Shape('x').area()
except NotImplementedError as e:
    print('NIE', e)
print(str(shapes[1]), repr(shapes[1])[:14], print('inner') is None)
dt = datetime(2024, 2, 29, 13, 5, 9)
print(f'{dt:%Y-%m-%d %H:%M}', f'{dt.date()}', dt + timedelta(days=1, hours=12), dt.weekday(), dt.replace(year=2025, day=28))
print(timedelta(days=2, seconds=3661), timedelta(hours=-1), (dt - datetime(2024, 1, 1)).total_seconds())
print(date(2024, 1, 31).isoformat(), date.fromisoformat('2024-03-01') - date(2024, 2, 1), dt.strftime('%A %B %j %p %I'))
def kw(a, b=2, *args, c=3, **kwargs):
    return a, b, args, c, kwargs
print(kw(1), kw(1, 5, 6, 7, c=8, d=9), kw(*[1, 2], **{'c': 0}))
f = lambda x, y=1: x * y
print(f(3), f(3, y=4), (lambda: 'z')(), list(map(lambda p: p[0], [(1, 2), (3, 4)])))
nums = [5, 3, 8]
nums.sort(key=lambda n: -n); nums.append(1); nums.insert(0, 9); nums.extend([0]); nums.remove(3)
print(nums, nums.index(8), nums.pop(), nums.count(5), nums[::2], 8 in nums)
d = {'b': 1, 'a': 2}
d.update(c=3); d['a'] += 1; del d['b']
print(d, d.pop('c'), d.setdefault('z', []), list(d.items()), {**d, 'q': 1}, dict(zip('xy', (1, 2))))
s = {3, 1}; s.add(2); s |= {5}
print(sorted(s), s & {1, 5}, s - {1}, len(s), {x % 3 for x in range(6)})
x = 5
print('big' if x > 3 else 'small', x if x else 0, [i for i in range(10) if i % 3 == 0][-1], 'abc'.upper().find('C'))
print('%s and %r' % ('s', 's'), '%d%%' % 50, '%.3e' % 12345.678, '%+.2f' % 2, '%5s|%-5s|' % ('a', 'b'))
print(round(0.5), round(1.5), round(2.675, 2), int(-3.7), 10 ** -2, 2 ** 0.5, abs(-0.0), float('inf'), -float('inf'))
