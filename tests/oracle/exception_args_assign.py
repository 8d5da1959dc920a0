class AppError(Exception):
    pass

for value in ["5", "ab", [1, 2], (3,), (), range(2)]:
    try:
        raise AppError("x")
    except AppError as e:
        e.args = value
        print(repr(e), "|", str(e), "|", e.args)

try:
    raise ValueError("x")
except ValueError as e:
    try:
        e.args = 5
    except TypeError as t:
        print("TypeError:", t)
    print(repr(e))

e = KeyError("k")
e.args = ("a", "b")
print(repr(e), str(e))
