//! Fuzz target: arbitrary bytes (lossy UTF-8) through tokenize, parse and unparse;
//! whatever parses cleanly must parse again to the same tree after unparsing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ormlab::core::lang::{parse, strip::stripped, unparse::unparse};
use ormlab::core::syntax::tokenize;

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    let _ = tokenize(&src);
    let first = parse(&src);
    for d in &first.diagnostics {
        assert!(
            d.span.start <= d.span.end && d.span.end <= src.len(),
            "bad span {d:?}"
        );
    }
    let text = unparse(&first.module);
    let second = parse(&text);
    if first.diagnostics.is_empty() {
        assert!(
            second.diagnostics.is_empty(),
            "unparsed text does not parse: {text:?} {:?}",
            second.diagnostics
        );
        assert_eq!(
            stripped(&first.module),
            stripped(&second.module),
            "round trip differs: {text:?}"
        );
    }
});
