//! Python semantics without a database: each snippet's stdout as printed by CPython 3.11
//! (captured with `oracle.py`).

use super::*;

struct NoDb;

impl Backend for NoDb {
    fn execute(&mut self, _sql: &str, _p: &[SqlValue]) -> Result<QueryResult, BackendError> {
        Ok(QueryResult::default())
    }
}

fn stdout_of(src: &str) -> String {
    run(
        &[Source::new("script.py", src)],
        &mut NoDb,
        RunOptions::default(),
    )
    .stdout
}

/// (source with `\n` escapes for newlines, expected stdout).
const SNIPPETS: &[(&str, &str)] = &[
    (
        "print(1 + 2 * 3, 7 // 2, -7 // 2, 7 % -3, 2 ** 100, 10 / 4)",
        "7 3 -4 -2 1267650600228229401496703205376 2.5\n",
    ),
    (
        "print(0.1 + 0.2, 1e20, 1.5e-7, round(2.675, 2), round(0.5), round(1.5))",
        "0.30000000000000004 1e+20 1.5e-07 2.67 0 2\n",
    ),
    (
        "print('a,b,,c'.split(','), ' x '.strip(), 'Hello'.upper(), 'abc'[::-1], 'abcdef'[1:4])",
        "['a', 'b', '', 'c'] x HELLO cba bcd\n",
    ),
    (
        "print(f'{3.14159:.2f} {42:>5} {\"x\"!r} {1000000:,} {0.25:.0%} {7:03d}')",
        "3.14    42 'x' 1,000,000 25% 007\n",
    ),
    (
        "print('%s-%r-%5.1f-%d' % ('a', 'b', 2.25, 3))",
        "a-'b'-  2.2-3\n",
    ),
    (
        "print('{} {name} {0}'.format(1, name='n'))",
        "Traceback: ValueError: cannot switch from automatic field numbering to manual field specification\n",
    ),
    (
        "d = {'b': 1, 'a': 2}\\nd['c'] = 3\\nprint(d, list(d), sorted(d), d.get('z', 0))",
        "{'b': 1, 'a': 2, 'c': 3} ['b', 'a', 'c'] ['a', 'b', 'c'] 0\n",
    ),
    (
        "print([x * x for x in range(5) if x % 2 == 0], {k: v for k, v in [('a', 1)]}, {x % 3 for x in range(10)})",
        "[0, 4, 16] {'a': 1} {0, 1, 2}\n",
    ),
    (
        "print(sum(x for x in range(10)), max([3, 1, 2]), min('abc'), sorted([3, 1, 2], reverse=True))",
        "45 3 a [3, 2, 1]\n",
    ),
    ("a, *b = [1, 2, 3]\\nprint(a, b)", "1 [2, 3]\n"),
    (
        "def f(a, b=2, *args, c=3, **kw):\\n    return (a, b, args, c, kw)\\nprint(f(1), f(1, 5, 6, c=7, d=8))",
        "(1, 2, (), 3, {}) (1, 5, (6,), 7, {'d': 8})\n",
    ),
    (
        "def outer():\\n    x = 1\\n    def inner():\\n        return x + 1\\n    return inner\\nprint(outer()())",
        "2\n",
    ),
    (
        "class A:\\n    def __init__(self, v):\\n        self.v = v\\n    def __repr__(self):\\n        return f'A({self.v})'\\n    def __eq__(self, o):\\n        return self.v == o.v\\nprint(A(1), [A(2)], A(1) == A(1), A(1) != A(2))",
        "A(1) [A(2)] True True\n",
    ),
    (
        "class B:\\n    n = 0\\n    @classmethod\\n    def make(cls):\\n        cls.n += 1\\n        return cls()\\n    @staticmethod\\n    def s(x):\\n        return x * 2\\n    @property\\n    def p(self):\\n        return 'prop'\\nb = B.make()\\nprint(B.n, B.s(4), b.p, type(b).__name__)",
        "1 8 prop B\n",
    ),
    (
        "class P:\\n    def __init__(self, **kw):\\n        self.kw = kw\\nclass C(P):\\n    def __init__(self, **kw):\\n        super().__init__(**kw)\\n        self.c = True\\nc = C(x=1)\\nprint(c.kw, c.c, isinstance(c, P))",
        "{'x': 1} True True\n",
    ),
    (
        "try:\\n    1 / 0\\nexcept ZeroDivisionError as e:\\n    print('caught', e)\\nelse:\\n    print('no')\\nfinally:\\n    print('fin')",
        "caught division by zero\nfin\n",
    ),
    (
        "try:\\n    {}['k']\\nexcept LookupError as e:\\n    print(type(e).__name__, repr(e), str(e))",
        "KeyError KeyError('k') 'k'\n",
    ),
    (
        "i = 0\\nwhile i < 5:\\n    i += 1\\n    if i == 2:\\n        continue\\n    if i == 4:\\n        break\\nelse:\\n    print('never')\\nprint(i)",
        "4\n",
    ),
    (
        "for i in range(3):\\n    pass\\nelse:\\n    print('done', i)",
        "done 2\n",
    ),
    (
        "print(1 < 2 < 3, 1 < 3 < 2, 'a' in 'abc', 3 not in [1, 2], None is None, [] == [], (1, 2) < (1, 3))",
        "True False True True True True True\n",
    ),
    (
        "print(True + True, True & False, 5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, -(2 ** 64))",
        "2 False 1 7 6 -6 1024 -18446744073709551616\n",
    ),
    (
        "print(list(zip([1, 2], 'ab')), list(enumerate('xy', 1)), list(reversed([1, 2, 3])), list(map(str, [1, 2])))",
        "[(1, 'a'), (2, 'b')] [(1, 'x'), (2, 'y')] [3, 2, 1] ['1', '2']\n",
    ),
    (
        "print(any([]), all([]), abs(-3.5), divmod(7, 2), int('ff', 16), float('1e3'), bool(''), str(None))",
        "False True 3.5 (3, 1) 255 1000.0 False None\n",
    ),
    (
        "print(datetime(2024, 1, 31) + timedelta(days=1), date(2024, 3, 1) - date(2024, 2, 1), timedelta(hours=25))",
        "2024-02-01 00:00:00 29 days, 0:00:00 1 day, 1:00:00\n",
    ),
    (
        "from decimal import Decimal\\nprint(Decimal('1.10') + Decimal('2.205'), Decimal('10') / Decimal('4'), Decimal(3) * 2)",
        "3.305 2.5 6\n",
    ),
    (
        "import json\\nprint(json.dumps({'a': [1, 2.5, None, True], 'b': 'é'}), json.loads('{\"x\": [1, 2]}'))",
        "{\"a\": [1, 2.5, null, true], \"b\": \"\\u00e9\"} {'x': [1, 2]}\n",
    ),
    (
        "import json\\nprint(json.dumps({'b': 1, 'a': 2}, indent=2, sort_keys=True))",
        "{\n  \"a\": 2,\n  \"b\": 1\n}\n",
    ),
    (
        "x = [1, 2, 3]\\ny = x\\ny.append(4)\\nprint(x, x is y, x[-1], x[:-1])",
        "[1, 2, 3, 4] True 4 [1, 2, 3]\n",
    ),
    (
        "s = {3, 1, 2}\\ns.add(1)\\nprint(len(s), sorted(s), 2 in s)",
        "3 [1, 2, 3] True\n",
    ),
    (
        "print(type(1).__name__, type(1.0).__name__, type('').__name__, type([]).__name__, type(None).__name__)",
        "int float str list NoneType\n",
    ),
    ("g = (x for x in [1, 2])\\nprint(list(g))", "[1, 2]\n"),
    (
        "t = (1,)\\nprint(t, (), (1, 2) + (3,), [1] * 3, 'ab' * 2)",
        "(1,) () (1, 2, 3) [1, 1, 1] abab\n",
    ),
    (
        "def fact(n):\\n    return 1 if n <= 1 else n * fact(n - 1)\\nprint(fact(30))",
        "265252859812191058636308480000000\n",
    ),
    (
        "n = 10\\ndef inc():\\n    global n\\n    n += 1\\ninc()\\nprint(n)",
        "11\n",
    ),
    (
        "print(f'{datetime(2024, 5, 6, 7, 8):%Y-%m-%d %H:%M}', date(2024, 1, 2).isoformat(), datetime(2024, 1, 2, 3, 4, 5).strftime('%d/%m'))",
        "2024-05-06 07:08 2024-01-02 02/01\n",
    ),
    (
        "print(str(1.0), str(1e16), 3.0 * 2, 1 / 3, 2 ** 0.5, 10 ** -2)",
        "1.0 1e+16 6.0 0.3333333333333333 1.4142135623730951 0.01\n",
    ),
    (
        "del_me = [1, 2, 3]\\ndel del_me[0]\\nprint(del_me)",
        "[2, 3]\n",
    ),
    (
        "print('x'.join(['a', 'b']), 'abc'.startswith(('x', 'a')), 'a-b'.replace('-', '+'), 'Hi'.center(6, '*'), 'x'.zfill(3))",
        "axb True a+b **Hi** 00x\n",
    ),
];

#[test]
fn snippets_print_what_cpython_prints() {
    let mut failures = vec![];
    for (src, want) in SNIPPETS {
        let src = src.replace("\\n", "\n") + "\n";
        let got = stdout_of(&src);
        if got != *want {
            failures.push(format!("{src}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn errors_carry_positions_in_the_right_source() {
    let out = run(
        &[
            Source::new("models.py", "def f(x):\n    return x.nope\n"),
            Source::new("script.py", "y = 1\nf(y)\n"),
        ],
        &mut NoDb,
        RunOptions::default(),
    );
    let e = out.error.expect("error");
    assert_eq!(
        (e.class.as_str(), e.source, e.line, e.col),
        ("AttributeError", 0, 2, 14)
    );
    assert_eq!(e.message, "'int' object has no attribute 'nope'");
    assert_eq!(
        out.stdout,
        "Traceback: AttributeError: 'int' object has no attribute 'nope'\n"
    );
}

#[test]
fn deep_recursion_is_a_recursion_error() {
    let out = run(
        &[Source::new(
            "s.py",
            "def f(n):\n    return f(n + 1)\nf(0)\n",
        )],
        &mut NoDb,
        RunOptions::default(),
    );
    assert_eq!(out.error.map(|e| e.class), Some("RecursionError".into()));
}

#[test]
fn stop_callback_interrupts_loops() {
    let mut calls = 0;
    let opts = RunOptions {
        should_stop: Some(Box::new(move || {
            calls += 1;
            calls > 3
        })),
        max_steps: 0,
        stack_budget: 0,
    };
    let out = run(
        &[Source::new("s.py", "while True:\n    pass\n")],
        &mut NoDb,
        opts,
    );
    assert_eq!(out.error.map(|e| e.class), Some("KeyboardInterrupt".into()));
}
