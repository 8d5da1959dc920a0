//! Tokenizer for the Python subset that ormlab scripts are written in.
//!
//! [`tokenize`] turns source text into [`Token`]s (with [`Span`](crate::core::diag::Span)s)
//! following Python's rules for NEWLINE, INDENT and DEDENT, plus diagnostics for
//! anything malformed. It never panics and always ends with
//! [`TokenKind::EndOfFile`].

pub(crate) mod lexer;
mod strings;
pub mod token;

pub use token::{FField, FPiece, Op, Token, TokenKind, is_keyword};

use crate::core::diag::Diagnostic;

/// Splits `source` into tokens; problems are reported as diagnostics, never panics.
///
/// ```
/// use ormlab::core::syntax::{tokenize, TokenKind};
/// let (tokens, diagnostics) = tokenize("x = 1\n");
/// assert!(diagnostics.is_empty());
/// assert_eq!(tokens[0].kind, TokenKind::Name("x".into()));
/// assert_eq!(tokens.last().unwrap().kind, TokenKind::EndOfFile);
/// ```
pub fn tokenize(source: &str) -> (Vec<Token>, Vec<Diagnostic>) {
    lexer::Lexer::new(source).run()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::diag::LineIndex;

    fn dump(src: &str) -> String {
        let idx = LineIndex::new(src);
        let (toks, diags) = tokenize(src);
        let mut out = String::new();
        for t in &toks {
            let a = idx.line_col(t.span.start);
            let b = idx.line_col(t.span.end);
            out.push_str(&format!("{a}-{b} {}\n", t.kind.describe()));
        }
        for d in &diags {
            out.push_str(&format!("error {}\n", d.render(&idx)));
        }
        out
    }

    #[test]
    fn sample_tokens() {
        let src = "\
class User(db.Model):  # a model
    id: Mapped[int] = mapped_column(primary_key=True)
    name = db.Column(db.String(80), \\
                     unique=True)

    def __repr__(self) -> str:
        '''Doc.'''
        return f'<User {self.name!r:>10}>' + rb'\\x' + 0x_FF ** 2.5e-3 // 7
";
        insta::assert_snapshot!(dump(src));
    }

    #[test]
    fn huge_nesting_does_not_panic() {
        let src = "(".repeat(100_000);
        let (_, diags) = tokenize(&src);
        assert_eq!(diags[0].message, "too many nested parentheses");
        assert_eq!(diags.len(), 1);
    }
}
