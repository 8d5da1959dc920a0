//! Unparser tests: fixed examples and a proptest round trip
//! `parse(unparse(ast)) == ast` (spans erased) over random trees.

use super::*;
use crate::core::diag::{LineIndex, Span};
use crate::core::lang::parse;
use crate::core::lang::strip::stripped;
use proptest::prelude::*;

fn sp() -> Span {
    Span::default()
}

fn ex(kind: ExprKind) -> Expr {
    Expr::new(kind, sp())
}

fn bx(kind: ExprKind) -> Box<Expr> {
    Box::new(ex(kind))
}

fn ident(name: &str) -> Ident {
    Ident {
        name: name.to_string(),
        span: sp(),
    }
}

fn st(kind: StmtKind) -> Stmt {
    Stmt { kind, span: sp() }
}

fn round_trip(src: &str) -> String {
    let p = parse(src);
    assert!(p.diagnostics.is_empty(), "{src:?}: {:?}", p.diagnostics);
    let out = unparse(&p.module);
    let again = parse(&out);
    assert!(
        again.diagnostics.is_empty(),
        "{out:?}: {:?}",
        again.diagnostics
    );
    assert_eq!(stripped(&p.module), stripped(&again.module), "{out}");
    out
}

#[test]
fn examples() {
    assert_eq!(round_trip("x = -2 ** -1\n"), "x = -2 ** -1\n");
    assert_eq!(round_trip("x = (-2) ** 2\n"), "x = (-2) ** 2\n");
    assert_eq!(round_trip("x = (a ** b) ** c\n"), "x = (a ** b) ** c\n");
    assert_eq!(round_trip("x = a - (b - c)\n"), "x = a - (b - c)\n");
    assert_eq!(
        round_trip("x = (a, b)[1:2, ::3]\n"),
        "x = (a, b)[1:2, ::3]\n"
    );
    assert_eq!(round_trip("x = (1).real\n"), "x = (1).real\n");
    assert_eq!(round_trip("x = not (a and b)\n"), "x = not (a and b)\n");
    assert_eq!(round_trip("f = lambda: 0\n"), "f = lambda: 0\n");
    assert_eq!(
        round_trip("x = f\"{a['k']!r:>{w}} {{}}\"\n"),
        "x = f'{a[\"k\"]!r:>{w}} {{}}'\n"
    );
    assert_eq!(round_trip("x = f\"it's {a}\"\n"), "x = f'it\\'s {a}'\n");
    assert_eq!(round_trip("x = f'{x = }'\n"), "x = f'{x = }'\n");
    assert_eq!(
        round_trip("if a:\n    pass\nelif b:\n    pass\nelse:\n    x = 1\n"),
        "if a:\n    pass\nelif b:\n    pass\nelse:\n    x = 1\n"
    );
    assert_eq!(
        round_trip("x = 'it\\'s \"q\"\\n'\n"),
        "x = 'it\\'s \"q\"\\n'\n"
    );
    assert_eq!(round_trip("x = b'\\x00\\'a'\n"), "x = b'\\x00\\'a'\n");
    assert_eq!(
        round_trip("x = 1e999, 1.5, 10 ** 30\n"),
        "x = (1e999, 1.5, 10 ** 30)\n"
    );
    round_trip("with (a, b):\n    pass\nwith (a as b, c as d):\n    pass\n");
    round_trip(
        "@dec(1)\nclass A(B, metaclass=M):\n    def f(self, a, /, b=1, *args, c, d=2, **kw) -> int:\n        global g\n        return a\n",
    );
    round_trip("from .. import a as b, c\nfrom x.y import *\nimport a.b as c, d\n");
    round_trip(
        "try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nexcept:\n    raise\nelse:\n    pass\nfinally:\n    del a[0], b.c\n",
    );
}

// ----- strategies ----------------------------------------------------------------------

const NAMES: &[&str] = &["a", "b", "x", "y", "db", "User", "_v1", "match"];

fn name() -> impl Strategy<Value = String> {
    prop::sample::select(NAMES).prop_map(str::to_string)
}

fn name_expr() -> impl Strategy<Value = Expr> {
    name().prop_map(|n| ex(ExprKind::Name(n)))
}

fn leaf() -> impl Strategy<Value = Expr> {
    prop_oneof![
        4 => name_expr(),
        2 => (0i64..100_000).prop_map(|v| ex(ExprKind::Int(IntValue::Small(v)))),
        1 => Just(ex(ExprKind::Int(IntValue::Big("123456789012345678901234567890".into())))),
        1 => prop::sample::select(&[0.5, 1.0, 1e300, 2.5e-7, 3.25, f64::INFINITY][..])
            .prop_map(|f| ex(ExprKind::Float(f))),
        2 => "[a-z'\"\\\\\n\t{} é]{0,6}".prop_map(|s| ex(ExprKind::Str(s))),
        1 => prop::collection::vec(any::<u8>(), 0..5).prop_map(|b| ex(ExprKind::Bytes(b))),
        1 => prop_oneof![Just(ExprKind::None), Just(ExprKind::Bool(true)), Just(ExprKind::Bool(false)), Just(ExprKind::Ellipsis)]
            .prop_map(ex),
    ]
}

/// Expressions allowed inside f-string fields (no strings: quotes are restricted there).
fn field_expr() -> impl Strategy<Value = Expr> {
    let base = prop_oneof![
        name_expr(),
        (0i64..100).prop_map(|v| ex(ExprKind::Int(IntValue::Small(v))))
    ];
    base.prop_recursive(2, 6, 2, |inner| {
        prop_oneof![
            (inner.clone(), name()).prop_map(|(v, a)| ex(ExprKind::Attribute {
                value: Box::new(v),
                attr: ident(&a)
            })),
            (inner.clone(), inner.clone()).prop_map(|(l, r)| ex(ExprKind::BinOp {
                left: Box::new(l),
                op: BinOp::Add,
                right: Box::new(r)
            })),
            (name_expr(), prop::collection::vec(inner, 0..2)).prop_map(|(f, args)| ex(
                ExprKind::Call {
                    func: Box::new(f),
                    args,
                    keywords: vec![]
                }
            )),
        ]
    })
}

fn fstring() -> impl Strategy<Value = Expr> {
    let lit = "[a-z {}'\"\\\\\n!:=]{1,5}";
    let spec = prop_oneof![
        Just(None),
        Just(Some(vec![FStringPart::Literal(">10".into())])),
        name().prop_map(|n| Some(vec![
            FStringPart::Literal(">".into()),
            FStringPart::Field(FormattedValue {
                expr: bx(ExprKind::Name(n)),
                conversion: None,
                format_spec: None,
                debug_text: None,
                span: sp()
            }),
            FStringPart::Literal(".2f".into()),
        ])),
    ];
    let field = (
        field_expr(),
        prop::option::of(prop::sample::select(&['r', 's', 'a'][..])),
        spec,
        any::<bool>(),
    )
        .prop_map(|(e, conversion, format_spec, debug)| {
            let debug_text = debug.then(|| format!("{}=", unparse_expr(&e)));
            FStringPart::Field(FormattedValue {
                expr: Box::new(e),
                conversion,
                format_spec,
                debug_text,
                span: sp(),
            })
        });
    let part = prop_oneof![lit.prop_map(FStringPart::Literal), field];
    prop::collection::vec(part, 0..4).prop_map(|parts| {
        // Normalize like the parser: adjacent literals merged.
        let mut out: Vec<FStringPart> = Vec::new();
        for p in parts {
            match (out.last_mut(), p) {
                (Some(FStringPart::Literal(prev)), FStringPart::Literal(s)) => prev.push_str(&s),
                (_, p) => out.push(p),
            }
        }
        ex(ExprKind::FString(out))
    })
}

fn binop() -> impl Strategy<Value = BinOp> {
    use BinOp::*;
    prop::sample::select(
        &[
            Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv,
        ][..],
    )
}

fn cmpop() -> impl Strategy<Value = CmpOp> {
    use CmpOp::*;
    prop::sample::select(&[Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn][..])
}

fn target() -> impl Strategy<Value = Expr> {
    prop_oneof![
        3 => name_expr(),
        1 => prop::collection::vec(name_expr(), 2..4).prop_map(|v| ex(ExprKind::Tuple(v))),
    ]
}

fn comps(inner: impl Strategy<Value = Expr> + Clone) -> impl Strategy<Value = Vec<Comprehension>> {
    prop::collection::vec(
        (target(), inner.clone(), prop::collection::vec(inner, 0..2))
            .prop_map(|(target, iter, ifs)| Comprehension { target, iter, ifs }),
        1..3,
    )
}

fn starred(inner: impl Strategy<Value = Expr>) -> impl Strategy<Value = Expr> {
    inner.prop_map(|e| ex(ExprKind::Starred(Box::new(e))))
}

fn elements(inner: impl Strategy<Value = Expr> + Clone) -> impl Strategy<Value = Vec<Expr>> {
    prop::collection::vec(prop_oneof![4 => inner.clone(), 1 => starred(inner)], 0..4)
}

fn lambda_params() -> impl Strategy<Value = Parameters> {
    (0usize..3, any::<bool>()).prop_map(|(n, default)| {
        let names = ["p", "q", "r"];
        let args = (0..n)
            .map(|i| Param {
                name: ident(names[i]),
                annotation: None,
                default: (default && i + 1 == n).then(|| ex(ExprKind::Int(IntValue::Small(1)))),
                span: sp(),
            })
            .collect();
        Parameters {
            args,
            ..Parameters::default()
        }
    })
}

pub(crate) fn expr() -> impl Strategy<Value = Expr> {
    leaf().prop_recursive(4, 48, 4, |inner| {
        let i = move || inner.clone();
        prop_oneof![
            (prop::bool::ANY, prop::collection::vec(i(), 2..4)).prop_map(|(or, values)| ex(
                ExprKind::BoolOp {
                    op: if or { BoolOp::Or } else { BoolOp::And },
                    values
                }
            )),
            (i(), binop(), i()).prop_map(|(l, op, r)| ex(ExprKind::BinOp {
                left: Box::new(l),
                op,
                right: Box::new(r)
            })),
            (
                prop::sample::select(
                    &[UnaryOp::Not, UnaryOp::USub, UnaryOp::UAdd, UnaryOp::Invert][..]
                ),
                i()
            )
                .prop_map(|(op, e)| ex(ExprKind::UnaryOp {
                    op,
                    operand: Box::new(e)
                })),
            (lambda_params(), i()).prop_map(|(p, b)| ex(ExprKind::Lambda {
                params: std::rc::Rc::new(p),
                body: std::rc::Rc::new(b)
            })),
            (i(), i(), i()).prop_map(|(t, b, o)| ex(ExprKind::IfExp {
                test: Box::new(t),
                body: Box::new(b),
                orelse: Box::new(o)
            })),
            prop::collection::vec(
                prop_oneof![
                    (i(), i()).prop_map(|(k, v)| DictItem::Pair(k, v)),
                    i().prop_map(DictItem::Unpack)
                ],
                0..3
            )
            .prop_map(|items| ex(ExprKind::Dict(items))),
            elements(i())
                .prop_filter("non-empty set", |v| !v.is_empty())
                .prop_map(|v| ex(ExprKind::Set(v))),
            elements(i()).prop_map(|v| ex(ExprKind::List(v))),
            elements(i()).prop_map(|v| ex(ExprKind::Tuple(v))),
            (i(), comps(i())).prop_map(|(e, g)| ex(ExprKind::ListComp {
                elt: Box::new(e),
                generators: g
            })),
            (i(), comps(i())).prop_map(|(e, g)| ex(ExprKind::SetComp {
                elt: Box::new(e),
                generators: g
            })),
            (i(), comps(i())).prop_map(|(e, g)| ex(ExprKind::GeneratorExp {
                elt: Box::new(e),
                generators: g
            })),
            (i(), i(), comps(i())).prop_map(|(k, v, g)| ex(ExprKind::DictComp {
                key: Box::new(k),
                value: Box::new(v),
                generators: g
            })),
            (i(), prop::collection::vec((cmpop(), i()), 1..3)).prop_map(|(l, rest)| {
                let (ops, comparators) = rest.into_iter().unzip();
                ex(ExprKind::Compare {
                    left: Box::new(l),
                    ops,
                    comparators,
                })
            }),
            (
                i(),
                elements(i()),
                prop::collection::vec(i(), 0..2),
                prop::option::of(i())
            )
                .prop_map(|(f, args, kws, unpack)| {
                    let mut keywords: Vec<Keyword> = kws
                        .into_iter()
                        .enumerate()
                        .map(|(n, value)| Keyword {
                            arg: Some(ident(&format!("k{n}"))),
                            value,
                            span: sp(),
                        })
                        .collect();
                    if let Some(u) = unpack {
                        keywords.push(Keyword {
                            arg: None,
                            value: u,
                            span: sp(),
                        });
                    }
                    ex(ExprKind::Call {
                        func: Box::new(f),
                        args,
                        keywords,
                    })
                }),
            fstring(),
            (i(), name()).prop_map(|(v, a)| ex(ExprKind::Attribute {
                value: Box::new(v),
                attr: ident(&a)
            })),
            (
                i(),
                prop_oneof![
                    i(),
                    (
                        prop::option::of(i()),
                        prop::option::of(i()),
                        prop::option::of(i())
                    )
                        .prop_map(|(l, u, s)| ex(ExprKind::Slice {
                            lower: l.map(Box::new),
                            upper: u.map(Box::new),
                            step: s.map(Box::new),
                        })),
                    prop::collection::vec(i(), 2..3).prop_map(|v| ex(ExprKind::Tuple(v))),
                ]
            )
                .prop_map(|(v, s)| ex(ExprKind::Subscript {
                    value: Box::new(v),
                    slice: Box::new(s)
                })),
        ]
    })
}

fn assign_target() -> impl Strategy<Value = Expr> {
    prop_oneof![
        3 => name_expr(),
        1 => (expr(), name()).prop_map(|(v, a)| ex(ExprKind::Attribute { value: Box::new(v), attr: ident(&a) })),
        1 => (expr(), expr()).prop_map(|(v, s)| ex(ExprKind::Subscript { value: Box::new(v), slice: Box::new(s) })),
        1 => (name_expr(), name_expr()).prop_map(|(a, b)| ex(ExprKind::Tuple(vec![a, ex(ExprKind::Starred(Box::new(b)))]))),
        1 => prop::collection::vec(name_expr(), 1..3).prop_map(|v| ex(ExprKind::List(v))),
    ]
}

fn simple_stmt() -> impl Strategy<Value = Stmt> {
    prop_oneof![
        4 => expr().prop_filter("no bare starred", |e| !matches!(e.kind, ExprKind::Starred(_))).prop_map(|e| st(StmtKind::Expr(e))),
        4 => (prop::collection::vec(assign_target(), 1..3), expr()).prop_map(|(targets, value)| st(StmtKind::Assign { targets, value })),
        1 => (name_expr(), binop(), expr()).prop_map(|(target, op, value)| st(StmtKind::AugAssign { target, op, value })),
        1 => (name_expr(), expr(), prop::option::of(expr())).prop_map(|(target, annotation, value)| st(StmtKind::AnnAssign { target, annotation, value })),
        1 => Just(st(StmtKind::Pass)),
        1 => (prop::option::of(expr()), prop::option::of(expr())).prop_map(|(exc, cause)| {
            let cause = if exc.is_some() { cause } else { None };
            st(StmtKind::Raise { exc, cause })
        }),
        1 => (expr(), prop::option::of(expr())).prop_map(|(test, msg)| st(StmtKind::Assert { test, msg })),
        1 => prop::collection::vec(name_expr(), 1..3).prop_map(|t| st(StmtKind::Delete(t))),
        1 => (name(), prop::option::of(name())).prop_map(|(n, a)| st(StmtKind::Import(vec![Alias { name: ident(&format!("{n}.m")), asname: a.map(|a| ident(&a)), span: sp() }]))),
        1 => (0u32..3, prop::option::of(name()), name()).prop_map(|(level, module, n)| {
            let level = if module.is_none() { level.max(1) } else { level };
            let names = vec![Alias { name: ident(&n), asname: None, span: sp() }];
            st(StmtKind::ImportFrom { module: module.map(|m| ident(&m)), level, names })
        }),
    ]
}

fn body(inner: impl Strategy<Value = Stmt>) -> impl Strategy<Value = Vec<Stmt>> {
    prop::collection::vec(inner, 1..3)
}

fn stmt() -> impl Strategy<Value = Stmt> {
    simple_stmt().prop_recursive(2, 12, 3, |inner| {
        let b = move || body(inner.clone());
        prop_oneof![
            (expr(), b(), prop::collection::vec(simple_stmt(), 0..2))
                .prop_map(|(test, body, orelse)| st(StmtKind::If { test, body, orelse })),
            (target(), expr(), b(), any::<bool>()).prop_map(|(target, iter, mut body, brk)| {
                if brk {
                    body.push(st(StmtKind::Break));
                }
                st(StmtKind::For {
                    target,
                    iter,
                    body,
                    orelse: vec![],
                })
            }),
            (expr(), b(), any::<bool>()).prop_map(|(test, mut body, cont)| {
                if cont {
                    body.insert(0, st(StmtKind::Continue));
                }
                st(StmtKind::While {
                    test,
                    body,
                    orelse: vec![st(StmtKind::Pass)],
                })
            }),
            (
                name(),
                lambda_params(),
                prop::option::of(expr()),
                b(),
                prop::collection::vec(expr(), 0..2),
                prop::option::of(expr())
            )
                .prop_map(|(n, params, returns, mut body, decorators, ret)| {
                    body.push(st(StmtKind::Return(ret)));
                    st(StmtKind::FunctionDef(Box::new(FunctionDef {
                        name: ident(&n),
                        params: std::rc::Rc::new(params),
                        returns,
                        body: std::rc::Rc::new(body),
                        decorators,
                    })))
                }),
            (name(), prop::collection::vec(expr(), 0..2), b()).prop_map(|(n, bases, body)| {
                let keywords = vec![Keyword {
                    arg: Some(ident("metaclass")),
                    value: ex(ExprKind::Name("M".into())),
                    span: sp(),
                }];
                st(StmtKind::ClassDef(Box::new(ClassDef {
                    name: ident(&n),
                    bases,
                    keywords,
                    body,
                    decorators: vec![],
                })))
            }),
            (b(), prop::option::of(expr()), prop::option::of(name()), b()).prop_map(
                |(body, typ, n, finalbody)| {
                    let name = if typ.is_some() {
                        n.map(|n| ident(&n))
                    } else {
                        None
                    };
                    let handlers = vec![ExceptHandler {
                        typ,
                        name,
                        body: vec![st(StmtKind::Pass)],
                        span: sp(),
                    }];
                    st(StmtKind::Try {
                        body,
                        handlers,
                        orelse: vec![],
                        finalbody,
                    })
                }
            ),
            (expr(), prop::option::of(name_expr()), b()).prop_map(|(context, target, body)| {
                st(StmtKind::With {
                    items: vec![WithItem { context, target }],
                    body,
                })
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn expressions_round_trip(e in expr()) {
        let module = Module { body: vec![st(StmtKind::Expr(e))] };
        check_round_trip(&module)?;
    }

    #[test]
    fn statements_round_trip(body in prop::collection::vec(stmt(), 1..4)) {
        check_round_trip(&Module { body })?;
    }
}

fn check_round_trip(module: &Module) -> Result<(), TestCaseError> {
    let src = unparse(module);
    let parsed = parse(&src);
    let idx = LineIndex::new(&src);
    let diags: Vec<String> = parsed.diagnostics.iter().map(|d| d.render(&idx)).collect();
    prop_assert!(diags.is_empty(), "{}\n{:?}", src, diags);
    prop_assert_eq!(stripped(&parsed.module), stripped(module), "{}", src);
    Ok(())
}
