#!/usr/bin/env python3
"""Generate src/core/sql/testdata/type_adapt.txt: the type (and operator, when `+` becomes
`concat_op`) SQLAlchemy 2.0 gives `a <op> b` for pairs of column types, and the type a
Python value takes beside a column (`coerce_compared_value`), for core::sql::coerce's tests.

Usage: /work/venv/bin/python tools/type_adapt.py > src/core/sql/testdata/type_adapt.txt

Format: `L R op result` per line (names as in TYPES below; NullType() for untyped), then
`coerce T value result` lines.
"""
import datetime
import decimal
import operator as o

from sqlalchemy import (JSON, BigInteger, Boolean, Date, DateTime, Enum, Float, Integer,
                        Interval, LargeBinary, Numeric, String, Text, Time, column)
from sqlalchemy.sql.sqltypes import NullType

TYPES = {
    "Int": Integer(), "Big": BigInteger(), "Num": Numeric(), "Num102": Numeric(10, 2),
    "Flt": Float(), "Str": String(5), "Txt": Text(), "Bool": Boolean(), "Date": Date(),
    "DT": DateTime(), "Time": Time(), "Ival": Interval(), "Null": NullType(),
    "Enum": Enum("ab", "c"), "JSON": JSON(), "Bin": LargeBinary(),
}
OPS = {"+": o.add, "-": o.sub, "*": o.mul, "/": o.truediv, "//": o.floordiv, "%": o.mod}
VALUES = {
    "int": 1, "float": 1.5, "Decimal": decimal.Decimal("1.5"), "str": "x", "bool": True,
    "date": datetime.date(2024, 1, 2), "datetime": datetime.datetime(2024, 1, 2),
    "timedelta": datetime.timedelta(1), "None": None,
}

for ln, lt in TYPES.items():
    for rn, rt in TYPES.items():
        for on, op in OPS.items():
            e = op(column("a", lt), column("b", rt))
            pre = "concat_op:" if e.operator.__name__ == "concat_op" else ""
            print(ln, rn, on, f"{pre}{e.type!r}")
for tn, t in TYPES.items():
    for vn, v in VALUES.items():
        b = column("a", t) == v
        right = getattr(b, "right", None)
        ty = right.type if right is not None and hasattr(right, "value") else None
        if ty is not None:
            print("coerce", tn, vn, repr(ty))
