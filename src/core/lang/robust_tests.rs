//! Robustness: the parser never panics, and whatever parses cleanly round-trips
//! through the unparser. Inputs: arbitrary strings, Python-ish token soup, and
//! mutated corpus files.

use crate::core::lang::parse;
use crate::core::lang::strip::stripped;
use crate::core::lang::unparse::unparse;
use crate::core::syntax::tokenize;
use proptest::prelude::*;

/// Parses `src`; when it is clean, checks the unparse round trip.
fn check(src: &str) -> Result<(), TestCaseError> {
    let _ = tokenize(src);
    let first = parse(src);
    for d in &first.diagnostics {
        prop_assert!(
            d.span.start <= d.span.end && d.span.end <= src.len(),
            "{:?} {:?}",
            src,
            d
        );
    }
    let text = unparse(&first.module);
    if first.diagnostics.is_empty() {
        let second = parse(&text);
        prop_assert!(
            second.diagnostics.is_empty(),
            "{:?}\n=> {:?}\n{:?}",
            src,
            text,
            second.diagnostics
        );
        prop_assert_eq!(
            stripped(&first.module),
            stripped(&second.module),
            "{:?}\n=> {:?}",
            src,
            text
        );
    }
    Ok(())
}

const SOUP: &[&str] = &[
    "if",
    "elif",
    "else",
    "for",
    "while",
    "in",
    "not",
    "is",
    "and",
    "or",
    "lambda",
    "def",
    "class",
    "return",
    "try",
    "except",
    "finally",
    "with",
    "as",
    "import",
    "from",
    "pass",
    "break",
    "del",
    "yield",
    "await",
    "async",
    "match",
    "None",
    "True",
    "x",
    "y",
    "db",
    "print",
    "1",
    "0x1f",
    "1.5",
    "1e3",
    "3j",
    "'a'",
    "\"b\"",
    "'''t'''",
    "f'{x}'",
    "f'{x!r:>{y}}'",
    "f'{x=}'",
    "b'z'",
    "r'\\d'",
    "'",
    "\"",
    "f'{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    ";",
    "=",
    "==",
    "!=",
    "<",
    ">=",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "@",
    "&",
    "|",
    "^",
    "~",
    "<<",
    "->",
    ":=",
    "+=",
    "...",
    "\\\n",
    "#c",
    "\n",
    "\n    ",
    "\n        ",
    "\n  ",
    "\t",
    " ",
    "é",
    "\r\n",
    "\0",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(SOUP), 0..40).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic(src in any::<String>()) {
        check(&src)?;
    }

    #[test]
    fn token_soup_never_panics(src in soup()) {
        check(&src)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn mutated_corpus_never_panics(
        file in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        len in 0usize..12,
        insert in prop::sample::select(SOUP),
    ) {
        let Some(files) = corpus() else { return Ok(()) };
        let text = &files[file.index(files.len())];
        let mut start = at.index(text.len().max(1)).min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (start + len).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mutated = format!("{}{}{}", &text[..start], insert, &text[end..]);
        check(&mutated)?;
    }
}

fn corpus() -> Option<&'static Vec<String>> {
    use std::sync::OnceLock;
    static FILES: OnceLock<Option<Vec<String>>> = OnceLock::new();
    FILES
        .get_or_init(|| {
            crate::core::lang::parser::tests::corpus_files()
                .map(|v| v.into_iter().map(|(_, text)| text).collect::<Vec<_>>())
                .filter(|v| !v.is_empty())
        })
        .as_ref()
}

#[test]
fn many_errors_stay_linear() {
    let start = std::time::Instant::now();
    for unit in [
        "x = '\n",
        "if x:\n",
        "f'{(]}'\n",
        "(]\n",
        "'''a'''b\n",
        "\tif x:\n  y\n",
        "x = = 1\n",
        "match x:\n",
    ] {
        let src = unit.repeat(20_000);
        let p = parse(&src);
        assert!(!p.diagnostics.is_empty(), "{unit:?}");
    }
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}

#[test]
fn crlf_and_tabs_parse_like_lf_and_spaces() {
    let Some(files) = corpus() else { return };
    for text in files {
        let lf = parse(text);
        let crlf = parse(&text.replace('\n', "\r\n"));
        assert!(crlf.diagnostics.is_empty(), "{:?}", crlf.diagnostics);
        assert_eq!(stripped(&lf.module), stripped(&crlf.module));
        let tabs = parse(&text.replace("    ", "\t"));
        assert!(tabs.diagnostics.is_empty(), "{:?}", tabs.diagnostics);
        assert_eq!(stripped(&lf.module), stripped(&tabs.module));
    }
}

#[test]
fn deep_blocks_are_a_diagnostic() {
    let mut src = String::new();
    for i in 0..60 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(60));
    src.push_str("pass\n");
    let p = parse(&src);
    assert_eq!(
        p.diagnostics[0].message,
        "too many statically nested blocks"
    );
    assert_eq!(p.diagnostics.len(), 1);
}

/// Debugging aid: `PROBE='if x\n  pass\n' cargo test --lib probe -- --ignored --nocapture`
/// prints the diagnostics and the unparsed tree of `$PROBE`.
#[test]
#[ignore]
fn probe() {
    let src = std::env::var("PROBE")
        .unwrap_or_default()
        .replace("\\n", "\n");
    let p = parse(&src);
    let idx = crate::core::diag::LineIndex::new(&src);
    for d in &p.diagnostics {
        println!("DIAG {}", d.render(&idx));
    }
    println!("{}", unparse(&p.module));
}
