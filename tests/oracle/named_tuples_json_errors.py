from decimal import Decimal
import json
t = Decimal('5.00').as_tuple()
print(t, t.exponent, t.digits, t.sign, len(t), t[2], list(t))
print(Decimal('-0.125').as_tuple(), Decimal('1E+3').as_tuple(), Decimal('0').as_tuple())
print(Decimal('Infinity').as_tuple(), Decimal('NaN').as_tuple())
sign, digits, exp = Decimal('12.5').as_tuple()
print(sign, digits, exp, type(t).__name__, t._asdict() if hasattr(t, '_asdict') else None, t._fields)
c = date(2024, 3, 15).isocalendar()
print(c, c.week, c[0], c == (2024, 11, 5), tuple(c), datetime(2024, 12, 30, 5).isocalendar())
try:
    json.loads('{"a": 1, }')
except json.JSONDecodeError as e:
    print(type(e).__name__, e.msg, e.pos, e.lineno, e.colno)
try:
    json.loads('[1,\n 2,\n x]')
except ValueError as e:
    print(e.msg, e.pos, e.lineno, e.colno, str(e))
print([(d.is_signed(), d.is_nan(), d.is_infinite(), d.is_finite(), d.adjusted()) for d in [Decimal('-1.50'), Decimal('0'), Decimal('123.4'), Decimal('0.00012'), Decimal('-Infinity'), Decimal('NaN')]])
