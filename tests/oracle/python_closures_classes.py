from datetime import datetime, date, timedelta
from decimal import Decimal, ROUND_HALF_UP


def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc


c = make_counter(5)
print(c(), c(3), c())


class Shape:
    registry = []
    sides = 0

    def __init__(self, name):
        self.name = name
        Shape.registry.append(name)

    def __str__(self):
        return f'{self.name} with {self.sides} sides'

    def __repr__(self):
        return f'Shape({self.name!r})'

    def __eq__(self, other):
        return isinstance(other, Shape) and self.name == other.name

    def __lt__(self, other):
        return self.name < other.name

    @classmethod
    def square(cls):
        s = cls('square')
        s.sides = 4
        return s

    @staticmethod
    def describe(n):
        return {3: 'triangle', 4: 'quad'}.get(n, 'poly')


s = Shape.square()
t = Shape('tri')
print(s, [s, t], sorted([s, t]), Shape.registry, s == Shape('square'), Shape.describe(3), Shape.describe(9))
print(str(s), repr(t), f'{s!s:>30}|', '%-8s|%5.2f|%03d' % ('ab', 3.14159, 7))
words = 'the quick brown fox jumps over the lazy dog'.split()
print({w: len(w) for w in words if len(w) > 3}, sorted(set(words), key=lambda w: (-len(w), w))[:4])
print(list(zip(words, range(3))), list(enumerate('abc', start=1)), list(reversed(words[:3])))
print(' '.join(w.capitalize() for w in words[:3]), words[0].upper().center(9, '*'), 'a,b,,c'.split(','), 'x'.join('123'))
print(max(words, key=len), min(words), sum(len(w) for w in words), any(w.startswith('z') for w in words), all(words))
print({1, 2, 3} & {2, 3, 4}, {1, 2} | {3}, {1, 2, 3} - {2}, sorted({3, 1, 2} ^ {2, 5}))
print(Decimal('2.675').quantize(Decimal('0.01'), rounding=ROUND_HALF_UP), Decimal('1.1') + Decimal('2.20'), Decimal(3) / Decimal(7))
d = datetime(2024, 2, 28, 23, 30)
print(d + timedelta(hours=1), (d + timedelta(days=2)).date(), d.strftime('%A %d %B %Y %I:%M %p'), d.isoformat(), d.weekday())
print(date(2024, 3, 1) - date(2024, 2, 1), (date(2024, 3, 1) - date(2023, 3, 1)).days, timedelta(days=1, seconds=3661))
print(f'{1234567.891:,.2f}', f'{0.25:.1%}', f'{42:08b}', f'{255:#x}', f'{-3:+d}', f'{"hi":^10}|', format(1e-7), 1e16, 2 ** 70, 10 / 4, 7 / 7)
a, *rest = [1, 2, 3, 4]
(x, y), z = (5, 6), 7
print(a, rest, x, y, z, [*rest, *'ab'], {**{'a': 1}, 'b': 2})
try:
    int('x1')
except ValueError as e:
    print(e)
try:
    {}['missing']
except KeyError as e:
    print(repr(e), e)
i = 0
while True:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
else:
    print('never')
print(i, [n for n in range(20) if n % 3 == 0 if n % 2 == 0], [[j * k for j in range(3)] for k in range(2)])
print(isinstance(True, int), type(1.0).__name__, bool([]), None is None, 3 in [1, 2, 3], 'ab' * 3, [0] * 3, -(-7 // 2))
print(sorted([('b', 2), ('a', 2), ('c', 1)], key=lambda p: p[1], reverse=True), list(map(str, [1, 2])), list(filter(None, [0, 1, '', 'a'])))
