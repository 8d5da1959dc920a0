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


def varint(n):
    out = []
    while True:
        b, n = n & 0x7F, n >> 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return out


def emit(name, doc, rs):
    # Each range as two LEB128 varints: its start's distance from the previous range's
    # end, and its end's from its start (a quarter of the bytes of (u32, u32) pairs).
    data, prev = [], 0
    for a, b in rs:
        data += varint(a - prev) + varint(b - a)
        prev = b
    lines = [f"/// {doc}", f"pub static {name}: Ranges = Ranges::new(&["]
    for i in range(0, len(data), 24):
        lines.append("    " + ", ".join(str(x) for x in data[i:i + 24]) + ",")
    lines.append("]);")
    return "\n".join(lines)


parts = [
    "//! Unicode tables generated from CPython 3.11's `unicodedata` (Unicode "
    + unicodedata.unidata_version
    + ") by tests/py/gen_unicode_tables.py. Do not edit.\n\nuse super::strings::Ranges;\n",
    emit("NON_PRINTABLE", "Ranges where `str.isprintable()` is false.",
         ranges(lambda cp: not chr(cp).isprintable())),
    emit("ALPHA", "Ranges where `str.isalpha()` is true.", ranges(lambda cp: chr(cp).isalpha())),
    emit("DIGIT_NOT_DECIMAL", "Ranges where `str.isdigit()` is true but `isdecimal()` is false.",
         ranges(lambda cp: chr(cp).isdigit() and not chr(cp).isdecimal())),
]
CI_EXTRA = {0x27, 0x2E, 0x3A, 0xB7, 0x387, 0x55F, 0x5F4, 0x2018, 0x2019, 0x2024, 0x2027, 0xFE13, 0xFE52,
            0xFE55, 0xFF07, 0xFF0E, 0xFF1A}
parts.append(emit("CASE_IGNORABLE", "Case-ignorable code points (Mn, Me, Cf, Lm, Sk and word-break mid letters).",
                  ranges(lambda cp: cp in CI_EXTRA or unicodedata.category(chr(cp)) in ("Mn", "Me", "Cf", "Lm", "Sk"))))
fold = [(cp, chr(cp).casefold()) for cp in range(0x110000) if chr(cp).casefold() != chr(cp).lower()]
fold_data, prev = [], 0
for cp, f in fold:
    text = f.encode("utf-8")
    fold_data += varint(cp - prev) + [len(text)] + list(text)
    prev = cp
parts.append("/// Code points whose `casefold()` differs from `lower()`, with the folded text: per code\n"
             "/// point, the LEB128 varint of its distance from the previous one, the folded text's\n"
             "/// length in bytes and its UTF-8 bytes.\n"
             "pub static CASEFOLD_SPECIAL: &[u8] = &[\n"
             + "".join("    " + ", ".join(str(x) for x in fold_data[i:i + 24]) + ",\n"
                       for i in range(0, len(fold_data), 24))
             + "];")
zeros = [cp for cp in range(0x110000) if chr(cp).isdecimal() and unicodedata.decimal(chr(cp)) == 0]
parts.append("/// Code points of digit zero of every run of ten decimal digits (`isdecimal()`).\n"
             "pub static DECIMAL_ZEROS: &[u32] = &[\n"
             + "".join(f"    0x{z:X},\n" for z in zeros) + "];")
print("\n\n".join(parts))
