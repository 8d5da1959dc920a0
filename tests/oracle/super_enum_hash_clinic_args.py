from enum import Enum, IntEnum
class Color(Enum):
    RED = 1
    def __str__(self):
        return "C:" + super().__str__()
    def __repr__(self):
        return "R:" + super().__repr__()
print(Color.RED, repr(Color.RED), f"{Color.RED}")
class P(IntEnum):
    LOW = 1
    def __str__(self):
        return "P:" + super().__str__()
print(P.LOW)

class A:
    def __init__(self, x):
        self.x = x
    def __eq__(self, o):
        return isinstance(o, A) and self.x == o.x
    def __ne__(self, o):
        return super().__ne__(o)
    def __hash__(self):
        return hash(self.x)
print(A(1) != A(1), A(1) != A(2), A(1) == A(1))
class B(A):
    def __eq__(self, o):
        return True
try:
    print(hash(B(1)))
except TypeError as e:
    print("TypeError", e)
try:
    print(hash((1, B(1))))
except TypeError as e:
    print("TypeError", e)
try:
    print({(1, [2]): 3})
except TypeError as e:
    print("TypeError", e)
print(hash(A(3)) == hash(3))
try:
    s = {B(1)}
except TypeError as e:
    print("TypeError", e)
tests = [
    lambda: pow(2, 3, 5, 6),
    lambda: pow(base=2),
    lambda: pow(2, base=2),
    lambda: pow(2, 3, foo=1),
    lambda: sum([1], 2, start=3),
    lambda: sum(start=3),
    lambda: sum([1], foo=1),
    lambda: round(2.5, ndigits=1, foo=2),
    lambda: round(number=2.5),
    lambda: round(),
    lambda: abs(x=1),
    lambda: len([1], x=2),
    lambda: sum(),
    lambda: pow(2),
    lambda: round(1, 2, 3),
    lambda: sum([1], 2, 3),
]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print("TypeError:", e)
