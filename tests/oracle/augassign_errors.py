class Box:
    n = 1
b = Box()
try:
    b.n += '10'
except TypeError as e:
    print(e)
x = 1
try:
    x += 'a'
except TypeError as e:
    print(e)
d = {'k': 1}
try:
    d['k'] -= 'a'
except TypeError as e:
    print(e)
try:
    x *= None
except TypeError as e:
    print(e)
x = 2
try:
    x **= 'a'
except TypeError as e:
    print(e)
try:
    x //= None
except TypeError as e:
    print(e)
try:
    x <<= 1.5
except TypeError as e:
    print(e)
s = 'a'
try:
    s += 1
except TypeError as e:
    print(e)
l = [1]
try:
    l += 1
except TypeError as e:
    print(e)
d = {}
try:
    d |= 1
except TypeError as e:
    print(e)
try:
    x -= [1]
except TypeError as e:
    print(e)
d |= [('a', 1)]
d |= {'b': 2}
print(d)
