"""Generates src/core/py/unicode_tables.rs from CPython's unicodedata (run with python3.11)."""
import unicodedata


def ranges(pred):
    out, start = [], None
    for cp in range(0x110000):
        p = pred(cp)
        if p and start is None:
            start = cp
        if not p and start is not None:
            out.append((start, cp - 1))
            start = None
    if start is not None:
        out.append((start, 0x10FFFF))
    return out


def emit(name, doc, rs):
    lines = [f"/// {doc}", f"pub static {name}: &[(u32, u32)] = &["]
    for a, b in rs:
        lines.append(f"    (0x{a:X}, 0x{b:X}),")
    lines.append("];")
    return "\n".join(lines)


parts = [
    "//! Unicode tables generated from CPython 3.11's `unicodedata` (Unicode "
    + unicodedata.unidata_version
    + ") by tests/py/gen_unicode_tables.py. Do not edit.\n",
    emit("NON_PRINTABLE", "Ranges where `str.isprintable()` is false.",
         ranges(lambda cp: not chr(cp).isprintable())),
    emit("ALPHA", "Ranges where `str.isalpha()` is true.", ranges(lambda cp: chr(cp).isalpha())),
    emit("DIGIT_NOT_DECIMAL", "Ranges where `str.isdigit()` is true but `isdecimal()` is false.",
         ranges(lambda cp: chr(cp).isdigit() and not chr(cp).isdecimal())),
]
zeros = [cp for cp in range(0x110000) if chr(cp).isdecimal() and unicodedata.decimal(chr(cp)) == 0]
parts.append("/// Code points of digit zero of every run of ten decimal digits (`isdecimal()`).\n"
             "pub static DECIMAL_ZEROS: &[u32] = &[\n"
             + "".join(f"    0x{z:X},\n" for z in zeros) + "];")
print("\n\n".join(parts))
