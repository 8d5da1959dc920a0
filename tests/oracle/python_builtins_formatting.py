words = ['banana', 'Apple', 'cherry', 'date', 'Elder']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(max(words, key=len), min(words), [w.title() for w in words][:2])
print('{:>10}|{:<8}|{:^9}|'.format('right', 'left', 'mid'))
print(f'{1234567.891:,.2f} {0.256:.1%} {42:05d} {255:x} {255:#o} {3.0:g} {1e-7} {1e20} {1.5e16}')
print(f'{"abc":*^11} {-3:+d} {7:b} {123.456:10.2f}| {12:>{5}}')
print('%5.1f|%-6s|%03d|%s|%r' % (3.14159, 'ab', 7, None, 'x'))
print(divmod(17, 5), divmod(-17, 5), -17 // 5, -17 % 5, 2 ** 10, 2 ** -1, 7 / 2, round(2.5), round(3.5), round(-0.5))
print(int('42'), float('3.5'), int(3.99), int(-3.99), str(10 / 3), abs(-7.5), 10 ** 20, 0.1 + 0.2)
print(list(zip([1, 2, 3], 'abc')), dict(zip('xy', [1, 2])), list(enumerate('ab', start=1)))
print(list(map(str.upper, ['a', 'b'])), list(filter(None, [0, 1, '', 'x', None])), any([]), all([]))
print(list(reversed([1, 2, 3])), [1, 2, 3][::-1], 'hello'[1:4], 'hello'[-3:], [0, 1, 2, 3, 4][::2])
d = {'b': 2, 'a': 1}
d.setdefault('c', 3)
d.update(a=10)
print(d, d.get('z', 0), list(d.items())[-1], sorted(d), {k: v for k, v in sorted(d.items(), key=lambda kv: -kv[1])})
print(d.pop('b'), d, 'a' in d, len(d), {**d, 'z': 26})
s = {3, 1, 2}
print(s | {4}, s & {1, 9}, s - {1}, sorted(s ^ {1, 5}), {x % 3 for x in range(10)})
t = (1, 'a', 2.5)
a, *rest = t
print(a, rest, t.index('a'), t.count(1), (1, 2) < (1, 3), [1, 2] == [1, 2], 'abc' < 'abd')
print('a,b,,c'.split(','), ' x y '.strip(), 'x-y-z'.rsplit('-', 1), 'abc'.replace('b', 'B'), 'a b'.split())
print('Hello'.startswith(('He', 'x')), 'hello world'.capitalize(), 'ABC'.lower(), 'abc'.center(7, '-'), 'ab'.zfill(5))
print(', '.join(str(i) for i in range(3)), 'abc'.find('c'), 'abc'.find('z'), 'aXbXc'.partition('X'), 'a\nb'.splitlines())
print(isinstance(1, (int, float)), isinstance(True, int), type(1.0).__name__, type([]) is list, callable(len))
nums = [3, 1, 4, 1, 5, 9, 2, 6]
nums.sort()
print(nums, nums.index(4), nums.count(1), sum(nums) / len(nums), sorted(nums, reverse=True)[:3])
nums.insert(0, 100); nums.remove(1); print(nums.pop(), nums.pop(0), nums, nums.copy() is nums)
matrix = [[i * j for j in range(3)] for i in range(3)]
print(matrix, [row[1] for row in matrix], [x for row in matrix for x in row if x % 2 == 0])
i = 0
while True:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
else:
    print('no')
print(i)
for n in range(3):
    pass
else:
    print('for-else', n)
def f(a, b=2, *args, c=3, **kw):
    return a, b, args, c, kw
print(f(1), f(1, 5, 6, 7, c=8, d=9), f(*[1, 2], **{'c': 0}))
g = lambda x, y=1: x * y
print(g(3), g(3, 4), (lambda: 'hi')())
try:
    {}['k']
except KeyError as e:
    print('KeyError', e, repr(e))
try:
    int('x')
except (ValueError, TypeError) as e:
    print(type(e).__name__, e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    raise RuntimeError('custom')
except Exception as e:
    print(f'{type(e).__name__}: {e}', e.args)
finally:
    print('finally')
class P:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return isinstance(o, P) and o.x == self.x
    def __lt__(self, o): return self.x < o.x
    def __str__(self): return f'P{self.x}'
    def __repr__(self): return f'P({self.x})'
    def __len__(self): return self.x
    def __hash__(self): return hash(self.x)
print(sorted([P(3), P(1)]), P(1) == P(1), str(P(2)), len(P(4)), f'{P(5)}', [str(P(6))])
print(chr(65), ord('a'), hex(255), bin(5), oct(8), pow(2, 5), pow(2, 5, 3), max(1, 2, 3), min([4, 5]))
print(list(range(10, 0, -3)), sum(range(101)), sum([0.1] * 10), 1_000_000, 0xff, 3 // 2.0, -7 // 2.0)
print('%s items' % 3, '%(a)s-%(b)s' % {'a': 1, 'b': 2}, '{0}{1}{0}'.format('x', 'y'), '{name}!'.format(name='n'))
print(str(1.0), str(100.0), str(1e16), repr(0.1), 1/3, 2/3, 1e-5, 123456789.123456789, float('inf'), -0.0)
