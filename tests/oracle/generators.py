# Generator expressions: one pass, typed `generator`, consumed by the builtins.
items = [3, 1, 2]
print(next(x for x in items if x > 2), next((x for x in items if x > 9), None))
g = (x * 2 for x in items)
print(type(g).__name__, type(g))
print(list(g), list(g))
g = (x for x in items)
print(sorted(g), sorted(g))
print(sum(x for x in items), sum((x for x in items), 10))
print(', '.join(str(x) for x in items), any(x > 2 for x in items), all(x > 0 for x in items))
print(min(x for x in items), max((x for x in items), default=0))
print(list(zip((x for x in items), 'abc')), list(enumerate(x for x in items)))
print(3 in (x for x in items), 9 in (x for x in items))
l = [0]
l.extend(x for x in items)
print(l, tuple(x for x in items), dict((x, x * x) for x in items))
print(list(map(str, (x for x in items))), list(filter(None, (x - 1 for x in items))))
a, b, c = (x for x in items)
print(a, b, c)
print(*(x for x in items))
print([*(x for x in items), 9])
gg = (x for x in items)
for v in gg:
    print('loop', v)
for v in gg:
    print('again', v)
print(bool(x for x in []))
def f(*args):
    return len(args)
print(f(*(x for x in items)))
print({**dict((k, 1) for k in 'ab')})
try:
    len(x for x in items)
except TypeError as e:
    print('TypeError', e)
