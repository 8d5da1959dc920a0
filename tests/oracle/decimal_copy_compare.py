from decimal import Decimal
print(Decimal('-1.5').copy_abs(), Decimal('1.50').copy_negate(), Decimal('-0').copy_abs())
print(Decimal('2.50').compare(Decimal('2.5')), Decimal('1').compare(2), Decimal('3').compare(Decimal('-3')))
print(repr(Decimal('NaN').compare(Decimal(1))), Decimal('1.2').compare(True))
try:
    Decimal(1).compare(1.5)
except TypeError as e:
    print(e)
