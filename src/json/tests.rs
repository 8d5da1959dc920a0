//! The JSON reader and writers against serde_json (the reference they replace).

use super::*;
use proptest::prelude::*;

fn ours_str(s: &str) -> String {
    let mut out = String::new();
    write_str(&mut out, s);
    out
}

fn ours_f64(f: f64) -> String {
    let mut out = String::new();
    write_f64(&mut out, f);
    out
}

#[test]
fn strings_are_escaped_as_serde_json_escapes_them() {
    for s in [
        "",
        "plain",
        "quote \" backslash \\ slash /",
        "\n\r\t\u{8}\u{c}\u{0}\u{1f}\u{7f}",
        "é ü 中文 😀 \u{2028}\u{2029}",
    ] {
        assert_eq!(ours_str(s), serde_json::to_string(s).unwrap(), "{s:?}");
    }
}

#[test]
fn float_ties_keep_the_value() {
    // 776459236397953.25 is as close to ...953.2 as to ...953.3: serde_json writes the
    // first, Rust's shortest formatting the second; both read back as the same float.
    let f: f64 = "776459236397953.25".parse().unwrap();
    let ours = ours_f64(f);
    assert!(same_json(&ours, &serde_json::to_string(&f).unwrap()));
    assert_eq!(from_str::<f64>(&ours).unwrap(), f);
}

#[test]
fn floats_are_written_as_serde_json_writes_them() {
    for f in [
        0.0,
        -0.0,
        1.0,
        -1.5,
        0.1,
        1e-5,
        1.5e-5,
        9.99e-6,
        1e-7,
        123456.789,
        1e15,
        1e16,
        1.2345678901234567e16,
        9007199254740993.0,
        f64::MAX,
        f64::MIN_POSITIVE,
        5e-324,
        12.5,
        1234e7,
    ] {
        assert_eq!(ours_f64(f), serde_json::to_string(&f).unwrap(), "{f:e}");
    }
    assert_eq!(ours_f64(f64::NAN), "null");
    assert_eq!(ours_f64(f64::INFINITY), "null");
}

#[test]
fn strings_read_back_with_every_escape() {
    let text = r#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00""#;
    let want: String = serde_json::from_str(text).unwrap();
    assert_eq!(from_str::<String>(text).unwrap(), want);
    for bad in [
        r#""\ud800""#,
        r#""\udc00""#,
        r#""\ud800\u0041""#,
        r#""\x""#,
        r#""\u12""#,
        "\"a\u{1}b\"",
        r#""open"#,
    ] {
        assert!(from_str::<String>(bad).is_err(), "{bad}");
        assert!(serde_json::from_str::<String>(bad).is_err(), "{bad}");
    }
}

/// Same JSON text, or texts that differ only where a float has two equally short and
/// equally close decimal forms (serde_json picks the even last digit, Rust's
/// formatting may pick the other): both read back as the same values.
fn same_json(ours: &str, theirs: &str) -> bool {
    ours == theirs
        || (ours.len() == theirs.len()
            && serde_json::from_str::<serde_json::Value>(ours).ok()
                == serde_json::from_str::<serde_json::Value>(theirs).ok())
}

/// Parses with both and compares the trees' compact text (or that both fail).
fn same_as_serde(text: &str) {
    let ours = from_str::<Json>(text).map(|j| j.to_text());
    let theirs = serde_json::from_str::<serde_json::Value>(text).map(|v| v.to_string());
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert!(same_json(a, b), "{text}: {a} vs {b}"),
        (Err(_), Err(_)) => {}
        _ => panic!("{text}: ours {ours:?}, serde_json {theirs:?}"),
    }
}

#[test]
fn trees_match_serde_json_values() {
    for text in [
        "null",
        " true ",
        "false",
        "0",
        "-0",
        "-0.0",
        "1",
        "-1",
        "9223372036854775807",
        "9223372036854775808",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "1.5",
        "1E2",
        "1e-2",
        "2.5E+3",
        "1e400",
        "-1e400",
        "01",
        "1.",
        ".5",
        "+1",
        "-",
        "1e",
        r#"{"b": 1, "a": [1, 2.0, "x"], "a": {"z": null, "y": true}}"#,
        r#"{"c": 1, "a": 2, "c": 3, "b": 4, "a": 5, "c": 6, "": 7}"#,
        r#"[[], {}, [[]], {"": ""}]"#,
        r#"{"k" 1}"#,
        r#"{"k": 1,}"#,
        "[1,]",
        "[1 2]",
        "[1] x",
        "",
        "nul",
        "tru",
    ] {
        same_as_serde(text);
    }
}

#[test]
fn nesting_is_limited_without_overflowing_the_stack() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    assert_eq!(
        from_str::<Json>(&deep).unwrap_err().kind,
        ErrorKind::TooDeep
    );
    let mut r = Reader::new(&deep);
    assert_eq!(r.skip().unwrap_err().kind, ErrorKind::TooDeep);
    let ok = "[".repeat(100) + &"]".repeat(100);
    assert!(from_str::<Json>(&ok).is_ok());
}

#[test]
fn errors_say_where() {
    let e = from_str::<Vec<u32>>("[1,\n 2,\n x]").unwrap_err();
    assert_eq!((e.line, e.column), (3, 2));
    assert_eq!(e.to_string(), "expected a number at line 3 column 2");
    assert_eq!(
        from_str::<u32>("4294967296").unwrap_err().kind,
        ErrorKind::OutOfRange
    );
    assert!(from_str::<u32>("1.0").is_err());
    assert!(from_str::<u32>("-1").is_err());
    assert_eq!(from_str::<(u32, u32)>("[1, 2]").unwrap(), (1, 2));
    assert!(from_str::<(u32, u32)>("[1]").is_err());
    assert!(from_str::<(u32, u32)>("[1, 2, 3]").is_err());
}

#[test]
fn raw_values_keep_their_text() {
    let mut r = Reader::new(r#" [1, {"a": "b"}] , "#);
    assert_eq!(r.raw().unwrap(), r#"[1, {"a": "b"}]"#);
    let raw: RawJson = from_str(r#"[[1,"x"],[2.5,null]]"#).unwrap();
    assert_eq!(raw.get(), r#"[[1,"x"],[2.5,null]]"#);
    assert!(from_str::<RawJson>("[1,").is_err());
}

proptest! {
    #[test]
    fn any_string_round_trips_and_matches_serde(s in any::<String>()) {
        let text = ours_str(&s);
        prop_assert_eq!(&text, &serde_json::to_string(&s).unwrap());
        prop_assert_eq!(from_str::<String>(&text).unwrap(), s);
    }

    #[test]
    fn any_float_is_written_as_serde_writes_it(bits in any::<u64>()) {
        let f = f64::from_bits(bits);
        prop_assume!(f.is_finite());
        let text = ours_f64(f);
        let theirs = serde_json::to_string(&f).unwrap();
        prop_assert!(same_json(&text, &theirs), "{} vs {}", text, theirs);
        prop_assert_eq!(from_str::<f64>(&text).unwrap().to_bits(), bits);
    }

    #[test]
    fn any_number_text_classifies_as_serde_does(
        int in "-?(0|[1-9][0-9]{0,25})",
        frac in proptest::option::of("[0-9]{1,20}"),
        exp in proptest::option::of("[eE][+-]?[0-9]{1,3}"),
    ) {
        let text = format!("{int}{}{}", frac.map(|f| format!(".{f}")).unwrap_or_default(),
            exp.unwrap_or_default());
        same_as_serde(&text);
    }
}
