import json
print(repr(date(year=2024, month=7, day=1)), repr(date(2024, month=7, day=1)), date(2024, 7, day=9))
for call in (lambda: date(2024, 7), lambda: date(2024, month=7, year=1), lambda: date(2024, 7, dia=1)):
    try:
        call()
    except TypeError as e:
        print(e)
try:
    print(json.dumps({date(2024, 3, 1): 1}))
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(json.dumps({'a': 1, 2: 'b'}, sort_keys=True))
except TypeError as e:
    print(type(e).__name__, e)
print(json.dumps({10: 'a', 9: 'b', 2.5: 'c'}, sort_keys=True), json.dumps({'b': {'z': 1, 'y': 2}, 'a': [{'d': 1, 'c': 2}]}, sort_keys=True, indent=1))
class Genre:
    def __repr__(self):
        return None
try:
    print(Genre())
except TypeError as e:
    print(e)
try:
    print(repr(Genre()))
except TypeError as e:
    print(e)
for f in (lambda: '-' * 2.5, lambda: [1] * 2.0, lambda: 2.0 * (1,), lambda: 'a' * 'b', lambda: [1] * None):
    try:
        f()
    except TypeError as e:
        print(e)
print(issubclass(bool, int), isinstance(True, int), issubclass(int, bool), issubclass(int, int), issubclass(str, object), issubclass(bool, (str, int)))
