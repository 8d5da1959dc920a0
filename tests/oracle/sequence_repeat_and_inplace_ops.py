print((1, 'a') * 2, 2 * [1], 2 * (1,), [0] * 3, [1, 2] * 0, (3,) * -1, [None] * True, 3 * 'ab')
row = ['-'] * 5
print(''.join(row), len([[]] * 4))
t = (1, 2)
t *= 2
l = [1]
l *= 3
print(t, l)
a = [1]
b = a
b *= 2
print(a)
d = {1: 2}
e = d
e |= {3: 4}
print(d)
s = {1, 2}
t = s
t |= {3}
t -= {1}
print(s)
t &= {2, 9}
print(s, t is s)
x = [2]
x *= 2
print(x)
