//! The catalogue of bad inputs: each must produce the given first message at the given
//! `line:col` (1-based, via `LineIndex`).

use crate::core::diag::LineIndex;
use crate::core::lang::parse;

/// `(source, "line:col", message)`.
const CASES: &[(&str, &str, &str)] = &[
    ("if x\n    pass\n", "1:5", "expected ':'"),
    ("while True\n    pass\n", "1:11", "expected ':'"),
    ("for x in range(3)\n    print(x)\n", "1:18", "expected ':'"),
    ("def f()\n    pass\n", "1:8", "expected ':'"),
    ("class A\n    pass\n", "1:8", "expected ':'"),
    (
        "if x:\n    pass\nelse if y:\n    pass\n",
        "3:5",
        "expected ':'",
    ),
    (
        "print(a b)\n",
        "1:7",
        "invalid syntax. Perhaps you forgot a comma?",
    ),
    (
        "x = [1, 2 3]\n",
        "1:9",
        "invalid syntax. Perhaps you forgot a comma?",
    ),
    (
        "x = 'abc\n",
        "1:5",
        "unterminated string literal (detected at line 1)",
    ),
    (
        "x = '''abc\n\ny\n",
        "1:5",
        "unterminated triple-quoted string literal (detected at line 3)",
    ),
    ("f(1, 2\n", "1:2", "'(' was never closed"),
    ("x = [1,\n     2\ny = 3\n", "1:5", "'[' was never closed"),
    ("print(1))\n", "1:9", "unmatched ')'"),
    (
        "x = (1]\n",
        "1:7",
        "closing parenthesis ']' does not match opening parenthesis '('",
    ),
    ("x = 1\n    y = 2\n", "2:5", "unexpected indent"),
    (
        "if x:\npass\n",
        "2:1",
        "expected an indented block after 'if' statement on line 1",
    ),
    (
        "def f():\nreturn 1\n",
        "2:1",
        "expected an indented block after function definition on line 1",
    ),
    (
        "class A:\n",
        "2:1",
        "expected an indented block after class definition on line 1",
    ),
    (
        "try:\n    x\nexcept:\ny\n",
        "4:1",
        "expected an indented block after 'except' statement on line 3",
    ),
    (
        "if x:\n    a\n  b\n",
        "3:3",
        "unindent does not match any outer indentation level",
    ),
    (
        "if x:\n\tif y:\n        pass\n",
        "3:9",
        "inconsistent use of tabs and spaces in indentation",
    ),
    (
        "f() = 1\n",
        "1:1",
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
    ),
    (
        "1 = x\n",
        "1:1",
        "cannot assign to literal here. Maybe you meant '==' instead of '='?",
    ),
    ("None = 1\n", "1:1", "cannot assign to None"),
    (
        "a + 1 += 2\n",
        "1:1",
        "'expression' is an illegal expression for augmented assignment",
    ),
    (
        "a, b += 2\n",
        "1:1",
        "'tuple' is an illegal expression for augmented assignment",
    ),
    (
        "for f() in x:\n    pass\n",
        "1:5",
        "cannot assign to function call",
    ),
    (
        "with open(p) as f():\n    pass\n",
        "1:17",
        "cannot assign to function call",
    ),
    ("del f()\n", "1:5", "cannot delete function call"),
    (
        "a, *b, *c = x\n",
        "1:1",
        "multiple starred expressions in assignment",
    ),
    (
        "*a = 1\n",
        "1:1",
        "starred assignment target must be in a list or tuple",
    ),
    (
        "a, b: int\n",
        "1:1",
        "only single target (not tuple) can be annotated",
    ),
    (
        "if x = 1:\n    pass\n",
        "1:6",
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
    ),
    (
        "def f(a=1, b):\n    pass\n",
        "1:12",
        "non-default argument follows default argument",
    ),
    (
        "def f(a, a):\n    pass\n",
        "1:10",
        "duplicate argument 'a' in function definition",
    ),
    (
        "def f(*, **k):\n    pass\n",
        "1:7",
        "named arguments must follow bare *",
    ),
    (
        "def f(**k, a):\n    pass\n",
        "1:12",
        "arguments cannot follow var-keyword argument",
    ),
    (
        "f(a=1, 2)\n",
        "1:8",
        "positional argument follows keyword argument",
    ),
    ("f(a=1, a=2)\n", "1:8", "keyword argument repeated: a"),
    ("f(True=1)\n", "1:3", "cannot assign to True"),
    (
        "f(**k, *a)\n",
        "1:8",
        "iterable argument unpacking follows keyword argument unpacking",
    ),
    (
        "f(x for x in y, 1)\n",
        "1:3",
        "Generator expression must be parenthesized",
    ),
    (
        "f(a.b=1)\n",
        "1:3",
        "expression cannot contain assignment, perhaps you meant \"==\"?",
    ),
    (
        "try:\n    pass\nx = 1\n",
        "3:1",
        "expected 'except' or 'finally' block",
    ),
    (
        "try:\n    pass\nexcept ValueError, TypeError:\n    pass\n",
        "3:8",
        "multiple exception types must be parenthesized",
    ),
    (
        "x = 0777\n",
        "1:5",
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
    ),
    ("x = 1__000\n", "1:5", "invalid decimal literal"),
    ("x = 0xg\n", "1:5", "invalid hexadecimal literal"),
    (
        "x = 1 if y\n",
        "1:11",
        "expected 'else' after 'if' expression",
    ),
    ("x = 1 +\n", "1:8", "invalid syntax"),
    ("else:\n    pass\n", "1:1", "invalid syntax"),
    ("class = 3\n", "1:7", "invalid syntax"),
    ("x = $\n", "1:5", "invalid syntax"),
    ("x = a €\n", "1:7", "invalid character '€' (U+20AC)"),
    // (A non-breaking space pasted from a web page.)
    (
        "x = 1\u{a0}+ 1\n",
        "1:6",
        "invalid non-printable character U+00A0",
    ),
    ("x = “a”\n", "1:5", "invalid character '“' (U+201C)"),
    (
        "x = \\ 1\n",
        "1:5",
        "unexpected character after line continuation character",
    ),
    ("@decorator\nx = 1\n", "2:1", "invalid syntax"),
    (
        "x = {'a': 1, 'b'}\n",
        "1:17",
        "':' expected after dictionary key",
    ),
    (
        "print 'hello'\n",
        "1:1",
        "Missing parentheses in call to 'print'. Did you mean print(...)?",
    ),
    ("return 1\n", "1:1", "'return' outside function"),
    (
        "while x:\n    def f():\n        break\n",
        "3:9",
        "'break' outside loop",
    ),
    ("continue\n", "1:1", "'continue' not properly in loop"),
    (
        "nonlocal x\n",
        "1:1",
        "nonlocal declaration not allowed at module level",
    ),
    (
        "x = f'{}'\n",
        "1:7",
        "f-string: empty expression not allowed",
    ),
    (
        "x = f'{a!x}'\n",
        "1:10",
        "f-string: invalid conversion character 'x': expected 's', 'r', or 'a'",
    ),
    ("x = f'{a'\n", "1:7", "f-string: expecting '}'"),
    ("x = f'a}'\n", "1:8", "f-string: single '}' is not allowed"),
    ("x = f'{a b}'\n", "1:10", "f-string: invalid syntax"),
    (
        "x = b'a' 'b'\n",
        "1:5",
        "cannot mix bytes and nonbytes literals",
    ),
    (
        "x = 'a\\x4'\n",
        "1:7",
        "(unicode error) truncated \\xXX escape",
    ),
    (
        "x = b'\u{e9}'\n",
        "1:7",
        "bytes can only contain ASCII literal characters",
    ),
    // Unsupported Python features.
    (
        "x = 3j\n",
        "1:5",
        "complex numbers are not supported in ormlab scripts",
    ),
    (
        "async def f():\n    pass\n",
        "1:1",
        "'async' is not supported in ormlab scripts",
    ),
    (
        "@app.route('/')\nasync def f():\n    pass\n",
        "2:1",
        "'async' is not supported in ormlab scripts",
    ),
    (
        "def f():\n    yield 1\n",
        "2:5",
        "'yield' is not supported in ormlab scripts",
    ),
    (
        "def f():\n    x = await g()\n",
        "2:9",
        "'await' is not supported in ormlab scripts",
    ),
    (
        "match x:\n    case 1:\n        pass\n",
        "1:1",
        "'match' statements are not supported in ormlab scripts",
    ),
    (
        "x = '\\N{BULLET}'\n",
        "1:6",
        "\\N{...} escapes are not supported in ormlab scripts",
    ),
    (
        "try:\n    pass\nexcept* ValueError:\n    pass\n",
        "3:7",
        "'except*' is not supported in ormlab scripts",
    ),
];

fn first_diag(src: &str) -> Option<(String, String)> {
    let parsed = parse(src);
    let idx = LineIndex::new(src);
    parsed
        .diagnostics
        .first()
        .map(|d| (idx.line_col(d.span.start).to_string(), d.message.clone()))
}

#[test]
fn catalogue_of_bad_inputs() {
    assert!(CASES.len() >= 35);
    let mut failures = Vec::new();
    for &(src, pos, msg) in CASES {
        match first_diag(src) {
            Some((p, m)) if p == pos && m == msg => {
                let n = parse(src).diagnostics.len();
                if n != 1 {
                    failures.push(format!("{src:?}: {n} diagnostics, expected exactly one"));
                }
            }
            got => failures.push(format!(
                "{src:?}\n   expected {pos} {msg}\n   got      {got:?}"
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn deep_nesting_messages() {
    let src = format!("x = {}\n", "(".repeat(300));
    assert_eq!(
        first_diag(&src),
        Some(("1:45".into(), "too many nested parentheses".into()))
    );
    assert_eq!(parse(&src).diagnostics.len(), 1);
    let src = format!("x = {}1\n", "-".repeat(100));
    assert_eq!(
        first_diag(&src).map(|d| d.1),
        Some("expression too deeply nested".into())
    );
}

#[test]
fn errors_have_hints_where_useful() {
    for src in [
        "if x:\npass\n",
        "f() = 1\n",
        "x = 0777\n",
        "async def f(): pass\n",
        "print 'x'\n",
    ] {
        let p = parse(src);
        assert!(p.diagnostics[0].hint.is_some(), "{src:?}");
    }
}

#[test]
fn one_diagnostic_per_line_and_later_lines_still_checked() {
    let src = "x = = 1 + + (\ny = 2\nz = ]\nw = 3 3\n";
    let p = parse(src);
    let idx = LineIndex::new(src);
    let lines: Vec<u32> = p
        .diagnostics
        .iter()
        .map(|d| idx.line_col(d.span.start).line)
        .collect();
    // The '(' swallows the following newlines (as in Python) until the mismatched ']'.
    assert_eq!(lines, vec![1, 4]);
    let src = "x = = 1\ny = 2\nz = ]\nw = 3 3\ndef f(:\n    pass\nok = 1\n";
    let p = parse(src);
    let idx = LineIndex::new(src);
    let lines: Vec<u32> = p
        .diagnostics
        .iter()
        .map(|d| idx.line_col(d.span.start).line)
        .collect();
    assert_eq!(lines, vec![1, 3, 4, 5]);
}

/// Every catalogue case with all its diagnostics and hints, as one reviewable snapshot.
#[test]
fn catalogue_snapshot() {
    let mut out = String::new();
    for &(src, _, _) in CASES {
        let parsed = parse(src);
        let idx = LineIndex::new(src);
        out.push_str(&format!("{src:?}\n"));
        for d in &parsed.diagnostics {
            out.push_str(&format!("    {}\n", d.render(&idx)));
        }
    }
    insta::assert_snapshot!(out);
}
