from decimal import Decimal
try:
    date(2024, 1, 2).hour
except AttributeError as e:
    print(e)
try:
    Decimal('1.5').round(1)
except AttributeError as e:
    print(e)
import json
for v in [float('nan'), float('inf'), [1.5, float('-inf')]]:
    try:
        print(json.dumps(v, allow_nan=False))
    except ValueError as e:
        print('ValueError:', e)
print(json.dumps(float('nan')))
for v in [datetime(2024, 1, 2, 3, 4), timedelta(days=1)]:
    try:
        v.foo
    except AttributeError as e:
        print(e)
print(json.dumps({"a": 1.5, "b": [2.5]}, allow_nan=False))
