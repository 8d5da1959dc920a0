from decimal import Decimal, ROUND_HALF_UP, ROUND_DOWN, ROUND_UP, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP
import decimal
modes = [ROUND_HALF_UP, ROUND_DOWN, ROUND_UP, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP]
print(modes, decimal.ROUND_HALF_UP)
for v in ['2.675', '-2.675', '2.665', '-2.665', '0.005', '-0.004', '1.05', '9.995', '0.0001', '12', '-1.25']:
    d = Decimal(v)
    print(v, [str(d.quantize(Decimal('0.01'), rounding=m)) for m in modes], d.quantize(Decimal('1'), ROUND_HALF_UP), d.quantize(Decimal('0.1'), rounding=ROUND_UP))
price = Decimal('19.99') * Decimal('1.0825')
print(price, price.quantize(Decimal('.01'), rounding=ROUND_HALF_UP))
try:
    Decimal('1.5').quantize(Decimal('1'), rounding='bad')
except TypeError as e:
    print(e)
