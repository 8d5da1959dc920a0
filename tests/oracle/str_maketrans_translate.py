title = "Hello, World! Flask & SQLAlchemy"
slug = title.lower().translate(str.maketrans(" ", "-", ",!&")).replace("--", "-")
print(slug)
print('a-b'.translate(str.maketrans('-', '_')))
print("abc".translate({ord('a'): 'A', ord('b'): None, 99: 100}))
print(str.maketrans({'a': 'x', 98: None}), ''.maketrans('ab', 'cd'))
print("héllo".translate(str.maketrans("é", "e")))
for args in [('ab', 'c'), ('a',), (1, 2)]:
    try:
        str.maketrans(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    "x".translate({ord('x'): 1.5})
except TypeError as e:
    print(e)
