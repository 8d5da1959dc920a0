//! Decimal text → float, correctly rounded: the one place every float parse goes
//! through (Python literals and `float()`, JSON numbers, SQLite's `round()` emulation,
//! `Decimal` → float).
//!
//! Natively this is Rust's parser. A WebAssembly build asks the browser instead
//! ([`set_parser`]: JavaScript's `parseFloat`, correctly rounded too), so the download
//! carries neither Rust's parser nor its 10 KB table of powers of five; the engine
//! worker and the page register it before they run anything.

/// A decimal parser: the nearest float to `text`, `None` when `text` is not a number.
pub type Parser = fn(&str) -> Option<f64>;

#[cfg(target_arch = "wasm32")]
static PARSER: std::sync::OnceLock<Parser> = std::sync::OnceLock::new();

/// Installs the platform's parser (a WebAssembly build's browser glue does, at start;
/// native builds use Rust's and ignore this).
pub fn set_parser(parser: Parser) {
    #[cfg(target_arch = "wasm32")]
    let _ = PARSER.set(parser);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = parser;
}

/// The float nearest to decimal `text` (`[+-]digits[.digits][e[+-]digits]`, checked by
/// the caller: other text may read differently on the two platforms), infinite beyond
/// the float range; `None` when it is not a number (or, in WebAssembly, when no parser
/// was installed).
pub fn parse_decimal(text: &str) -> Option<f64> {
    #[cfg(target_arch = "wasm32")]
    {
        PARSER.get().and_then(|p| p(text))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::parse_decimal;

    #[test]
    fn correctly_rounded() {
        assert_eq!(parse_decimal("0.1"), Some(0.1));
        assert_eq!(parse_decimal("-2.5e3"), Some(-2500.0));
        assert_eq!(parse_decimal("1e400"), Some(f64::INFINITY));
        assert_eq!(
            parse_decimal("2.2250738585072011e-308"),
            Some(2.225_073_858_507_201e-308)
        );
        assert_eq!(parse_decimal("x"), None);
    }
}
