class W:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, W) and o.v == self.v
    def __hash__(self): return hash(self.v)
    def __repr__(self): return f"W({self.v})"
w1, w2, w3 = W(1), W(2), W(3)
a = {w1, w2}
b = {w2, w3}
print(sorted(a.intersection(b), key=lambda w: w.v), sorted(a.difference(b), key=lambda w: w.v))
print(len(a.union(b)), len(a.symmetric_difference(b)))
c = set(a); c -= b; print(c)
c = set(a); c &= b; print(c)
d = {w1: 1, w2: 2}
print(sorted(d.keys() & b, key=lambda w: w.v), sorted(d.keys() - b, key=lambda w: w.v))
print(a <= {w1, w2, w3}, a < a, a >= {w1})
print({(w1, 1)} & {(w1, 1)})
class K:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v
    def __hash__(self): return hash(self.v)
    def __repr__(self): return f"K({self.v})"
k = K(1)
s = {k, K(2)}
k.v = 5
n = 0
while s and n < 5:
    s.pop()
    n += 1
print(n, len(s))
d = {k: 'a'}
k.v = 7
print(d.popitem(), len(d))
class B:
    def __eq__(self, o): return True
class C(B):
    def __hash__(self): return 3
class D(C):
    def __eq__(self, o): return False
print(D.__hash__ is None)
try:
    print(hash(D()))
except TypeError as e:
    print(e)
print(hasattr(B, '__hash__'), getattr(B, '__hash__'))
