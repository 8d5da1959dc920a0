# decimal's exception classes: DivisionByZero (also a ZeroDivisionError), InvalidOperation,
# their args (the list of signals), str/repr, catching them by class
from decimal import Decimal, InvalidOperation, DivisionByZero

for bad in [lambda: Decimal('1') / 0, lambda: Decimal('abc'), lambda: Decimal('5') % 0,
            lambda: Decimal(0) / Decimal(0), lambda: Decimal('7') // 0, lambda: Decimal('-1').sqrt()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, repr(e), str(e), isinstance(e, ZeroDivisionError), isinstance(e, ArithmeticError))
        print(' ', len(e.args), isinstance(e, InvalidOperation), isinstance(e, DivisionByZero))
try:
    Decimal(1) / 0
except ZeroDivisionError as e:
    print('caught as ZeroDivisionError:', e)
try:
    Decimal('x')
except InvalidOperation:
    print('caught InvalidOperation')
try:
    Decimal(2) / 0
except DivisionByZero as e:
    print('caught DivisionByZero', type(e).__name__)
print(issubclass(DivisionByZero, ArithmeticError), issubclass(InvalidOperation, ArithmeticError))
