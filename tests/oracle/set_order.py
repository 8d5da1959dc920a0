# Sets of ints and tuples iterate in CPython's hash-table order, not insertion order.
items = [3, 1, 2]
print(set(items), {x % 4 for x in range(20)})
print(set(x * 7 for x in range(12)))
print({(1, 2), (3, 4), (0, 0)})
print(set(range(40, 0, -3)))
s = {3, 1}
s.add(2)
s.add(-2)
print(s, sorted(s), len(s))
print({True, 0, 2, 1.0})
print(list(set([17, 9, 25, 1])))
for v in set([64, 8, 72, 0]):
    print(v)
print({1, 2} | {9, 8}, {5, 4, 3} & {3, 4}, {1, 2, 3} - {2})
print(set([1000, 2000, 3000, 4000, 5000, 6000, 7000]))
print(set('a'), set())
print({i * 37 % 101 for i in range(60)})
s2 = set([5, 6, 7])
print(s2.pop(), s2)
user_ids = [4, 2, 9, 2, 17, 4, 1]
print(set(user_ids), len(set(user_ids)))
