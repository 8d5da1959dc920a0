# Python details: Decimal.from_float, a function's __defaults__/__kwdefaults__/__module__
# (a mutable default shared between calls), a lone '{' in str.format, issubclass of
# datetime and date.
from decimal import Decimal
from datetime import date, datetime
print(Decimal.from_float(0.5), Decimal.from_float(0.1), Decimal.from_float(3), repr(Decimal.from_float(-2.25)))
try:
    Decimal.from_float('1')
except TypeError as e:
    print(e)


def collect(x, seen=[], *, sep=', '):
    seen.append(x)
    return sep.join(map(str, seen))


collect(1)
print(collect(2), collect.__defaults__, collect.__kwdefaults__, collect.__module__, (lambda: 0).__defaults__)
for t in ('{', 'a {', '{0', '}'):
    try:
        print(t.format(1))
    except ValueError as e:
        print(e)
print(issubclass(datetime, date), issubclass(date, datetime), isinstance(datetime(2024, 1, 1), date))
