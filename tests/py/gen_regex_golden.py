"""Writes src/core/py/testdata/regex.jsonl: CPython's `re` results for ormlab's engine.

Each line: [pattern, flags, text, result] where result is the list of every
`finditer` match's spans (group 0 first, None for a group that did not take part), or
"error: <str(re.error)>". Run with CPython 3.11: python3 tests/py/gen_regex_golden.py
"""
import json
import re
from pathlib import Path

CASES = [
    (r"abc", 0, "xabcabc"),
    (r"a.c", 0, "abc a\nc"),
    (r"a.c", re.S, "abc a\nc"),
    (r"^a", 0, "ab\nab"),
    (r"^a", re.M, "ab\nab"),
    (r"b$", 0, "ab\nab\n"),
    (r"b$", re.M, "ab\nab\n"),
    (r"\Aab|b\Z", 0, "abab"),
    (r"[a-c]+", 0, "xxabcaxcb"),
    (r"[^a-c]+", 0, "xxabcaxcb"),
    (r"[]a]", 0, "a]b"),
    (r"[a-]", 0, "-a"),
    (r"\d+", 0, "a12b345٣"),
    (r"\D+", 0, "a12b345"),
    (r"\w+", 0, "héllo wörld_1 !"),
    (r"\w+", re.A, "héllo wörld_1 !"),
    (r"\s+", 0, "a b\t\nc"),
    (r"\S+", 0, "a b\t\nc"),
    (r"\bfoo\b", 0, "foo foobar afoo foo"),
    (r"\Boo\B", 0, "foo boot"),
    (r"(a)(b)?", 0, "ab a"),
    (r"(a|ab)(c|bcd)(d*)", 0, "abcd"),
    (r"a*", 0, "baaa"),
    (r"a*?", 0, "baa"),
    (r"a+?", 0, "baa"),
    (r"a{2}", 0, "aaaaa"),
    (r"a{2,}", 0, "aaaaa a"),
    (r"a{,2}", 0, "aaa"),
    (r"a{2,3}", 0, "aaaaaaa"),
    (r"a{2,3}?", 0, "aaaaaaa"),
    (r"a{x}", 0, "a{x}"),
    (r"x*", 0, "axb"),
    (r"|a", 0, "a"),
    (r"(a|)*", 0, "aab"),
    (r"(a*)*", 0, "aab"),
    (r"(a*)+", 0, "b"),
    (r"(\w+) \1", 0, "hello hello world world x"),
    (r"(?P<w>\w+) (?P=w)", 0, "ab ab cd"),
    (r"(?i)hello", 0, "HeLLo hello"),
    (r"hello", re.I, "HeLLo hello"),
    (r"[a-z]+", re.I, "ABC def"),
    (r"(?i:a)b", 0, "Ab AB ab"),
    (r"a(?=b)", 0, "ab ac"),
    (r"a(?!b)", 0, "ab ac"),
    (r"(?<=a)b", 0, "ab cb"),
    (r"(?<!a)b", 0, "ab cb"),
    (r"(?<=ab|cd)x", 0, "abx cdx efx"),
    (r"(?:ab)+", 0, "ababab"),
    (r"a|b|c", 0, "cab"),
    (r"(?x) a b  # comment", 0, "ab a b"),
    (r"a b", re.X, "ab"),
    (r"[\d.]+", 0, "v1.2.3"),
    (r"\.", 0, "a.b"),
    (r"\x41\u00e9\n", 0, "Aé\n"),
    (r"^$", re.M, "a\n\nb"),
    (r"", 0, "ab"),
    (r"(a)|(b)", 0, "ab"),
    (r"(?#comment)a", 0, "a"),
    (r"^[A-Z][0-9]+$", 0, "A12"),
    (r"^[a-z]+\.txt$", 0, "notes.txt"),
    (r"(a+)+b", 0, "aaab"),
    (r"\bcat", 0, "concat cat"),
    (r"[\w.-]+@[\w-]+\.\w+", 0, "mail me: a.b-c@ex-ample.com!"),
    (r"(\d{4})-(\d{2})-(\d{2})", 0, "on 2024-01-31 and 1999-12-01"),
    (r"[[]", 0, "a[b"),
    (r"\\", 0, "a\\b"),
    # errors
    (r"(", 0, ""),
    (r"a)", 0, ""),
    (r"*a", 0, ""),
    (r"a**", 0, ""),
    (r"[a", 0, ""),
    (r"\q", 0, ""),
    (r"(?P<1>a)", 0, ""),
    (r"(?P=x)", 0, ""),
    (r"\2(a)", 0, ""),
    (r"(?<=a+)b", 0, ""),
    (r"[z-a]", 0, ""),
    (r"a{3,2}", 0, ""),
    (r"(?z)", 0, ""),
    (r"a(?i)", 0, ""),
    (r"^*", 0, ""),
    (r"x{2}{3}", 0, ""),
    (r"(?P<n>a)(?P<n>b)", 0, ""),
]

SUBS = [
    (r"x*", "-", "abxd"),
    (r"(\w+)@(\w+)", r"\2 at \1", "joe@home, ann@work"),
    (r"(?P<y>\d+)", r"<\g<y>>", "a1b22"),
    (r"a", r"\n\t\\", "bab"),
    (r"(a)|b", r"[\1]", "ab"),
    (r"a", r"\q", "a"),
    (r"a", r"\2", "a"),
    (r"a", r"\g<x>", "a"),
]


def spans(m):
    return [list(m.span(0))] + [list(m.span(g)) if m.span(g) != (-1, -1) else None
                               for g in range(1, (m.re.groups or 0) + 1)]


def main():
    out = []
    for pattern, flags, text in CASES:
        try:
            r = re.compile(pattern, flags)
            res = [spans(m) for m in r.finditer(text)]
        except re.error as e:
            res = "error: " + str(e)
        out.append(json.dumps(["find", pattern, flags, text, res], ensure_ascii=False))
    for pattern, repl, text in SUBS:
        try:
            res = re.sub(pattern, repl, text)
        except (re.error, IndexError) as e:
            res = f"{type(e).__name__}: {e}"
        out.append(json.dumps(["sub", pattern, repl, text, res], ensure_ascii=False))
    for text, pattern in [("a b  c", r"\s+"), ("a1b2c", r"(\d)"), ("a b", r"\b"), ("abc", r"x*")]:
        out.append(json.dumps(["split", pattern, 0, text, re.split(pattern, text)], ensure_ascii=False))
    path = Path(__file__).resolve().parents[2] / "src/core/py/testdata/regex.jsonl"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


main()
