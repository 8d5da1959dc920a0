//! Token types produced by [`tokenize`](super::tokenize).

use crate::core::diag::Span;
use std::fmt;

/// One token: what it is and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// The kind of token, with its payload.
    pub kind: TokenKind,
    /// Byte range in the source.
    pub span: Span,
}

/// The kinds of token of the Python subset.
#[derive(Debug, Clone, PartialEq)]
pub enum TokenKind {
    /// An identifier or keyword (keywords are recognised by the parser, see [`is_keyword`]).
    Name(String),
    /// An integer literal, text exactly as written (prefix and underscores included).
    Int(String),
    /// A float literal, text as written.
    Float(String),
    /// An imaginary literal such as `3j` (not supported by ormlab; the parser reports it).
    Imaginary(String),
    /// A text string literal with escapes decoded (prefixes `''`, `r`, `u`).
    Str(String),
    /// A bytes literal with escapes decoded (prefixes `b`, `rb`, `br`).
    Bytes(Vec<u8>),
    /// An f-string literal split into literal text and replacement fields.
    FString(Vec<FPiece>),
    /// An operator or delimiter.
    Op(Op),
    /// A `# comment` (the span covers it; the parser ignores comments).
    Comment,
    /// End of a logical line.
    Newline,
    /// Indentation increased.
    Indent,
    /// Indentation decreased by one level.
    Dedent,
    /// A character that cannot start any token (a diagnostic was already reported).
    Error,
    /// End of input (always the last token).
    EndOfFile,
}

/// One piece of an f-string as found by the lexer.
#[derive(Debug, Clone, PartialEq)]
pub enum FPiece {
    /// Literal text, escapes and `{{`/`}}` already decoded.
    Literal {
        /// The decoded text.
        text: String,
        /// Where it is in the source.
        span: Span,
    },
    /// A replacement field `{expr!c:spec}`.
    Field(FField),
}

/// A replacement field of an f-string, before its expression is parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct FField {
    /// The source range of the expression text (between `{` and `=`/`!`/`:`/`}`).
    pub expr_span: Span,
    /// For `{expr=}`: the span of the text from after `{` through the `=` (and its spaces).
    pub debug: Option<Span>,
    /// The conversion character after `!` (`r`, `s` or `a`) and its span.
    pub conversion: Option<(char, Span)>,
    /// The format spec after `:`, itself made of pieces (it may contain nested fields).
    pub spec: Option<Vec<FPiece>>,
    /// The whole field, braces included.
    pub span: Span,
}

macro_rules! ops {
    ($($name:ident => $text:literal, $doc:literal;)*) => {
        /// Operators and delimiters.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Op {
            $(#[doc = $doc] $name,)*
        }

        impl Op {
            /// The source text of the operator.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Op::$name => $text,)*
                }
            }

            /// All operators, longest first (so the lexer can match greedily).
            pub(crate) const ALL: &'static [Op] = &[$(Op::$name,)*];
        }
    };
}

ops! {
    Ellipsis => "...", "`...`";
    StarStarEq => "**=", "`**=`";
    SlashSlashEq => "//=", "`//=`";
    ShlEq => "<<=", "`<<=`";
    ShrEq => ">>=", "`>>=`";
    Arrow => "->", "`->`";
    ColonEq => ":=", "`:=`";
    StarStar => "**", "`**`";
    SlashSlash => "//", "`//`";
    Shl => "<<", "`<<`";
    Shr => ">>", "`>>`";
    Le => "<=", "`<=`";
    Ge => ">=", "`>=`";
    EqEq => "==", "`==`";
    NotEq => "!=", "`!=`";
    PlusEq => "+=", "`+=`";
    MinusEq => "-=", "`-=`";
    StarEq => "*=", "`*=`";
    SlashEq => "/=", "`/=`";
    PercentEq => "%=", "`%=`";
    AtEq => "@=", "`@=`";
    AmpEq => "&=", "`&=`";
    PipeEq => "|=", "`|=`";
    CaretEq => "^=", "`^=`";
    Plus => "+", "`+`";
    Minus => "-", "`-`";
    Star => "*", "`*`";
    Slash => "/", "`/`";
    Percent => "%", "`%`";
    At => "@", "`@`";
    Amp => "&", "`&`";
    Pipe => "|", "`|`";
    Caret => "^", "`^`";
    Tilde => "~", "`~`";
    Lt => "<", "`<`";
    Gt => ">", "`>`";
    LParen => "(", "`(`";
    RParen => ")", "`)`";
    LBracket => "[", "`[`";
    RBracket => "]", "`]`";
    LBrace => "{", "`{`";
    RBrace => "}", "`}`";
    Comma => ",", "`,`";
    Colon => ":", "`:`";
    Dot => ".", "`.`";
    Semi => ";", "`;`";
    Eq => "=", "`=`";
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Python's hard keywords (soft keywords such as `match` are names).
pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// True when `name` is a hard keyword of Python.
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

impl TokenKind {
    /// A short description for error messages and snapshots.
    pub fn describe(&self) -> String {
        match self {
            TokenKind::Name(n) => format!("NAME {n}"),
            TokenKind::Int(t) => format!("INT {t}"),
            TokenKind::Float(t) => format!("FLOAT {t}"),
            TokenKind::Imaginary(t) => format!("IMAGINARY {t}"),
            TokenKind::Str(s) => format!("STRING {s:?}"),
            TokenKind::Bytes(b) => format!("BYTES {:?}", String::from_utf8_lossy(b)),
            TokenKind::FString(p) => format!("FSTRING ({} pieces)", p.len()),
            TokenKind::Op(op) => format!("OP {op}"),
            TokenKind::Comment => "COMMENT".into(),
            TokenKind::Newline => "NEWLINE".into(),
            TokenKind::Indent => "INDENT".into(),
            TokenKind::Dedent => "DEDENT".into(),
            TokenKind::Error => "ERRORTOKEN".into(),
            TokenKind::EndOfFile => "ENDMARKER".into(),
        }
    }

    /// True for the operator `op`.
    pub fn is_op(&self, op: Op) -> bool {
        matches!(self, TokenKind::Op(o) if *o == op)
    }

    /// True for the name or keyword `name`.
    pub fn is_name(&self, name: &str) -> bool {
        matches!(self, TokenKind::Name(n) if n == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ops_are_longest_first() {
        for (i, a) in Op::ALL.iter().enumerate() {
            for b in &Op::ALL[i + 1..] {
                assert!(
                    !b.as_str().starts_with(a.as_str()) || b.as_str().len() <= a.as_str().len(),
                    "{a} shadows {b}"
                );
            }
        }
    }

    #[test]
    fn keywords() {
        assert!(is_keyword("lambda"));
        assert!(!is_keyword("match"));
        assert_eq!(TokenKind::Op(Op::StarStarEq).describe(), "OP **=");
    }
}
