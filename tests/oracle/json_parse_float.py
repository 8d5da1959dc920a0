# json.loads(..., parse_float=Decimal) keeps money values exact.
import json
from decimal import Decimal

data = json.loads('{"price": 19.995, "qty": 2, "rates": [0.1, 1e2]}', parse_float=Decimal)
print(data)
print(data['price'] * data['qty'])
