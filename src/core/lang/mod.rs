//! The Python subset of ormlab scripts: syntax tree, parser and unparser.
//!
//! [`parse`] turns source text into a [`Module`](ast::Module) plus diagnostics; it never
//! fails and never panics, so editors can show every problem at once.
//! [`unparse::unparse`] turns a tree back into source text.
//!
//! The language is Python 3.11's syntax minus a few features, which parse but are
//! reported as "... not supported in ormlab scripts": `async`/`await`, `yield`,
//! `match`, `:=`, `except*`, complex literals and `\N{...}` escapes. F-strings follow
//! 3.11's rules (no reuse of the enclosing quote or backslashes inside `{}`).
//!
//! Limits that keep the parser (and any recursive tree walker) off the stack's edge:
//! [`MAX_NESTING`] levels of parser recursion (brackets, unary operators, lambdas,
//! blocks), [`MAX_BLOCKS`] nested blocks and a tree depth of [`MAX_DEPTH`] (which also
//! counts chains such as `a.b.c` or `a + b + c`). Deeper input is a diagnostic.

pub mod ast;
pub mod locals;
pub(crate) mod parser;
pub mod strip;
pub mod unparse;

pub use parser::{MAX_BLOCKS, MAX_DEPTH, MAX_NESTING, int_value};

use crate::core::diag::Diagnostic;

/// The result of [`parse`]: the tree (with error nodes where parsing failed) and the problems.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The syntax tree; statements that failed to parse are left out.
    pub module: ast::Module,
    /// Errors (and warnings) in source order; empty for a valid script.
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// True when there is no error diagnostic.
    pub fn is_ok(&self) -> bool {
        self.diagnostics
            .iter()
            .all(|d| d.severity != crate::core::diag::Severity::Error)
    }
}

/// Parses a script.
///
/// ```
/// use ormlab::core::lang::{ast::StmtKind, parse};
/// let parsed = parse("x = 1\nif x:\n    print(x)\n");
/// assert!(parsed.diagnostics.is_empty());
/// assert!(matches!(parsed.module.body[1].kind, StmtKind::If { .. }));
///
/// let bad = parse("if x\n    pass\n");
/// assert_eq!(bad.diagnostics[0].message, "expected ':'");
/// ```
pub fn parse(source: &str) -> Parsed {
    let (module, diagnostics) = parser::parse_module(source);
    Parsed {
        module,
        diagnostics,
    }
}

#[cfg(test)]
mod robust_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsed_is_ok() {
        assert!(parse("x = 1\n").is_ok());
        assert!(!parse("x = \n").is_ok());
        assert_eq!(parse("").module.body.len(), 0);
    }
}
