//! The engine against CPython 3.11 (`testdata/regex.jsonl`, written by
//! `tests/py/gen_regex_golden.py`): every `finditer` span, `sub` result, `split` result
//! and error message.

use super::{Regex, template};
use serde_json::Value as J;

fn find_all(pattern: &str, flags: u32, text: &str) -> J {
    let re = match Regex::new(pattern, flags) {
        Ok(r) => r,
        Err(e) => return J::String(format!("error: {e}")),
    };
    let chars: Vec<char> = text.chars().collect();
    let all = re.find_all(&chars, 0).expect("no step limit here");
    J::Array(
        all.into_iter()
            .map(|m| {
                J::Array(
                    m.into_iter()
                        .map(|s| match s {
                            Some((a, b)) => serde_json::json!([a, b]),
                            None => J::Null,
                        })
                        .collect(),
                )
            })
            .collect(),
    )
}

fn sub(pattern: &str, repl: &str, text: &str) -> J {
    let re = Regex::new(pattern, 0).expect("valid pattern");
    let pieces = match template::parse(repl, &re) {
        Ok(p) => p,
        Err(e) if e.msg.starts_with("unknown group name") => {
            return J::String(format!("IndexError: {e}"));
        }
        Err(e) => return J::String(format!("error: {e}")),
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut last = 0;
    for m in re.find_all(&chars, 0).expect("no step limit here") {
        let (a, b) = m[0].expect("group 0");
        out.extend(&chars[last..a]);
        out.push_str(&template::expand(&pieces, &chars, &m));
        last = b;
    }
    out.extend(&chars[last..]);
    J::String(out)
}

fn split(pattern: &str, text: &str) -> J {
    let re = Regex::new(pattern, 0).expect("valid pattern");
    let chars: Vec<char> = text.chars().collect();
    let mut out = vec![];
    let mut last = 0;
    for m in re.find_all(&chars, 0).expect("no step limit here") {
        let (a, b) = m[0].expect("group 0");
        out.push(J::String(chars[last..a].iter().collect()));
        for g in &m[1..] {
            out.push(match g {
                Some((x, y)) => J::String(chars[*x..*y].iter().collect()),
                None => J::Null,
            });
        }
        last = b;
    }
    out.push(J::String(chars[last..].iter().collect()));
    J::Array(out)
}

#[test]
fn matches_cpython() {
    let data = include_str!("../testdata/regex.jsonl");
    let mut failures = vec![];
    for line in data.lines() {
        let row: Vec<J> = serde_json::from_str(line).expect("a JSON row");
        let s = |i: usize| row[i].as_str().expect("a string").to_string();
        let got = match row[0].as_str() {
            Some("find") => find_all(&s(1), row[2].as_u64().unwrap_or(0) as u32, &s(3)),
            Some("sub") => sub(&s(1), &s(2), &s(3)),
            Some("split") => split(&s(1), &s(3)),
            other => panic!("unknown row kind {other:?}"),
        };
        if got != row[4] {
            failures.push(format!("{line}\n    got {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn catastrophic_backtracking_stops() {
    let re = Regex::new("(a*)*b", 0).expect("valid");
    let text: Vec<char> = "a".repeat(40).chars().collect();
    // (sre answers this one quickly; a plain backtracker takes 2^40 steps, so the step
    // limit ends it with an error instead of a frozen page)
    let r = re.find(&text, 0, super::Mode::Search, None);
    assert!(r.is_err() || r.is_ok_and(|m| m.is_none()));
}

#[test]
fn escape_matches_python() {
    assert_eq!(super::escape("a.b*c d_1"), "a\\.b\\*c\\ d_1");
}

proptest::proptest! {
    /// Any pattern compiles or fails with an error, and any search of a compiled one ends
    /// (a match, none, or the step limit's error): never a panic.
    #[test]
    fn never_panics(pattern in "[ab()|*+?{}\\[\\]^$.\\\\1-9dDwWsSbBAZ:=!<P>,-]{0,16}", text in "[ab\n ]{0,12}") {
        if let Ok(re) = Regex::new(&pattern, 0) {
            let chars: Vec<char> = text.chars().collect();
            let _ = re.find_all(&chars, 0);
            let _ = re.find(&chars, 0, super::Mode::Full, None);
        }
        let _ = Regex::new(&pattern, super::flags::IGNORECASE | super::flags::VERBOSE);
    }
}
