class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), sorted(Countdown(2)), sum(Countdown(4)))
for i, x in enumerate(Countdown(2), 1):
    print(i, x)
c = Countdown(3)
print(next(c), next(c), list(c))
class Bag:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        return iter(self.items)
print(list(Bag([1, 2])), [x * 2 for x in Bag([3])], 1 in Bag([1]))
e = enumerate(['a', 'b', 'c'])
print(type(e).__name__, next(e), list(e), list(e))
print(dict(enumerate('xy')), list(enumerate([], start=5)))
tasks = ['a', 'done', 'done', 'b']
for t in tasks:
    if t == 'done':
        tasks.remove(t)
q = [1]
for x in q:
    if x < 3:
        q.append(x + 1)
nums = [1, 2, 3]
for i, n in enumerate(nums):
    if i + 1 < len(nums):
        nums[i + 1] += n
print(tasks, q, nums)
stock = {'apple': 0, 'pear': 3}
try:
    for k in stock:
        del stock[k]
except RuntimeError as e:
    print(type(e).__name__, e)
s = {1, 2}
try:
    for k in s:
        s.add(k + 10)
except RuntimeError as e:
    print(type(e).__name__, e)
d = {'a': 1}
for k in d:
    d[k] = 2
print(d)
class Bad:
    def __iter__(self):
        return 5
try:
    for x in Bad():
        pass
except TypeError as e:
    print(e)
class Bad2:
    def __iter__(self):
        return Bag([])
try:
    list(Bad2())
except TypeError as e:
    print(e)
