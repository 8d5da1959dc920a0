vals = [3, None, 1, 'a', None, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]
print({1, None, 2})
print({None, 'x', 'y', 0})
print(set(vals))
print({v for v in [None, 5, 21, 37, 53]})
s = set()
for v in [None, 'b', 2.5, 'c', 4, 100, -1]:
    s.add(v)
print(s, sorted(s, key=repr))
print({None: 1, 2: 3}, {None, False, True})
print({None, 14, 22}, {None, 'a', 'b', 'c', 'd', 'e', 'f', 'g'}, {-1, None, 3})
