# Slice assignment and deletion on lists (steps, empty slices, extended-slice sizes).
l = [1, 2, 3, 4, 5, 6]
l[1:3] = ['a', 'b', 'c']
print(l)
l[::2] = [0, 0, 0, 0]
print(l)
del l[::3]
print(l)
l[5:] = [9]
l[:0] = ['first']
print(l)
del l[1:3]
print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print(e)
