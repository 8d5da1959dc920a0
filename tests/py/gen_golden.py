"""Generates golden tables under src/core/py/testdata/ from real CPython 3.11.

Run: python3 tests/py/gen_golden.py   (each line: inputs and CPython's output, tab-separated;
errors are written as `!ExceptionName: message`).
"""
import decimal
import random
import os

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "core", "py", "testdata")
random.seed(1234)


def run(f):
    try:
        return f()
    except Exception as e:  # noqa: BLE001
        return "!%s: %s" % (type(e).__name__, e)


def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


floats = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 2.675, 1e16, 1e-5, 1.5e-5, 123456789.0, 1234567.891,
          0.000123456, 1e22, 1e100, 5e-324, 1.7976931348623157e308, 3.0, 100.0, 99.99, 0.05, 0.15, 0.25,
          12345.6789, -12345.6789, 1e-7, 9.5, 10.5, 0.0001, 123456789012345.6, float("inf"), float("-inf"),
          float("nan")]
floats += [random.uniform(-1e6, 1e6) for _ in range(40)]
floats += [random.uniform(-1, 1) * 10 ** random.randint(-30, 30) for _ in range(40)]
float_specs = ["", "f", ".2f", ".0f", "#.0f", "10.3f", "<10.2f", "^12.1f", "=+12.2f", "012.3f", ",.2f", "_.3f",
               "e", ".3e", "E", ".0e", "#.0e", "g", ".3g", "G", ".10g", "#g", ".1g", "%", ".1%", ",", ".3",
               ".1", ".17", "+", " ", "z.1f", "z", "n", ".2n", "020,.2f", "*>15", "15", "-", "#.3", ",g", "+.2e"]

with open(os.path.join(OUT, "float_format.tsv"), "w") as fh:
    for x in floats:
        for spec in float_specs:
            fh.write("%s\t%s\t%s\n" % (repr(x), spec, esc(run(lambda: format(x, spec)))))
    for x in floats:
        fh.write("%s\trepr\t%s\n" % (repr(x), repr(x)))
        for nd in [0, 1, 2, 3, -1, -2]:
            fh.write("%s\tround%d\t%s\n" % (repr(x), nd, esc(run(lambda: repr(round(x, nd))))))

ints = [0, 1, -1, 7, -7, 42, 255, -255, 1000, 65, 1234567, -1234567, 2 ** 31, 2 ** 63 - 1, 2 ** 63, -2 ** 63,
        2 ** 64 + 1, 10 ** 20, -(10 ** 25) - 7, 3 ** 50]
ints += [random.randint(-10 ** 12, 10 ** 12) for _ in range(20)]
int_specs = ["", "d", "5d", "<8", "^9", "=+10", "010", "+", " ", ",", "_", "x", "#x", "X", "#X", "o", "#o", "b",
             "#b", "_b", "#_x", "08b", "c", "e", ".2f", "%", "g", "n", ".2", "z", "#012_x", "-^11,"]
with open(os.path.join(OUT, "int_format.tsv"), "w") as fh:
    for n in ints:
        for spec in int_specs:
            fh.write("%d\t%s\t%s\n" % (n, spec, esc(run(lambda: format(n, spec)))))

ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b,
       "//": lambda a, b: a // b, "%": lambda a, b: a % b}
with open(os.path.join(OUT, "int_ops.tsv"), "w") as fh:
    small = [0, 1, -1, 2, -3, 7, 10, 2 ** 62, -2 ** 63, 2 ** 63, 10 ** 30, -(10 ** 30) + 3, 3 ** 40]
    for a in small:
        for b in small:
            for name, f in ops.items():
                r = run(lambda: f(a, b))
                fh.write("%d\t%s\t%d\t%s\n" % (a, name, b, esc(repr(r) if not isinstance(r, str) else r)))

D = decimal.Decimal
decs = ["0", "-0", "1", "-1", "1.5", "2.50", "0.1", "0.3", "3", "7", "-7", "1E+2", "1.23E-8", "100", "0.00",
        "12345678901234567890", "9.999999999999999999999999999", "2.675", "1E+30", "0.0001", "123.456", "-2.5",
        "NaN", "Infinity", "-Infinity"]
decs += [str(D(random.randint(-10 ** 8, 10 ** 8)).scaleb(random.randint(-10, 5))) for _ in range(15)]
with open(os.path.join(OUT, "decimal_ops.tsv"), "w") as fh:
    for a in decs:
        for b in decs:
            for name, f in ops.items():
                r = run(lambda: f(D(a), D(b)))
                if not isinstance(r, str):
                    r = repr(r)
                fh.write("%s\t%s\t%s\t%s\n" % (a, name, b, esc(r)))
dec_specs = ["", "f", ".2f", ".0f", "e", ".3e", "g", ".3g", "G", "%", ".1%", ",", ",.2f", "010.2f", ">12", "+",
             "z.1f", "E", ".2", "n"]
with open(os.path.join(OUT, "decimal_format.tsv"), "w") as fh:
    for a in decs:
        for spec in dec_specs:
            fh.write("%s\t%s\t%s\n" % (a, spec, esc(run(lambda: format(D(a), spec)))))
        fh.write("%s\tstr\t%s\n" % (a, str(D(a))))
        fh.write("%s\tquantize2\t%s\n" % (a, esc(run(lambda: repr(D(a).quantize(D("0.01")))))))
        fh.write("%s\tfloat\t%s\n" % (a, esc(run(lambda: repr(float(D(a)))))))
