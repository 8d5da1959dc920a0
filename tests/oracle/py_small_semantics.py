# bool operators, bool against Decimal, callable(), fill characters, module attributes.
import os
from decimal import Decimal
print(True ^ True, True ^ False, False ^ False, True & False, True | False, 1 ^ True)
print(True == Decimal(1), True < Decimal('1.5'), Decimal('0.5') < True, False == Decimal(0))
print(sorted([Decimal('0.5'), True, False]))


class V:
    def __call__(self, x):
        return x * 2


print(callable(V()), callable(V), callable(print), callable(3), V()(4))
for m in ('ljust', 'rjust', 'center'):
    try:
        print(repr(getattr('x', m)(5, 'ab')))
    except TypeError as e:
        print('TypeError', e)
for fill in ['', 3, '*']:
    try:
        print(repr('x'.center(5, fill)))
    except TypeError as e:
        print('TypeError', e)
print(hasattr(os, 'nope'), hasattr(os, 'path'))
try:
    os.nope
except AttributeError as e:
    print(type(e).__name__, e)
