//! Literals: numbers, implicitly concatenated strings, and f-string fields.

use super::{PResult, Parser};
use crate::core::diag::{Diagnostic, Span};
use crate::core::lang::ast::*;
use crate::core::syntax::lexer::Lexer;
use crate::core::syntax::{FPiece, TokenKind};

/// The value of an integer literal's text (`0x_ff`, `1_000`, huge values...).
pub fn int_value(text: &str) -> IntValue {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    let (radix, digits) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d)
    } else {
        (10, lower.as_str())
    };
    if let Ok(v) = i64::from_str_radix(digits, radix) {
        return IntValue::Small(v);
    }
    // Big: accumulate in base 10^9 limbs (least significant first).
    let mut limbs: Vec<u64> = vec![0];
    for c in digits.chars() {
        let Some(d) = c.to_digit(radix) else { continue };
        let mut carry = u64::from(d);
        for limb in limbs.iter_mut() {
            let v = *limb * u64::from(radix) + carry;
            *limb = v % 1_000_000_000;
            carry = v / 1_000_000_000;
        }
        while carry > 0 {
            limbs.push(carry % 1_000_000_000);
            carry /= 1_000_000_000;
        }
    }
    let mut s = String::new();
    for (i, limb) in limbs.iter().rev().enumerate() {
        if i == 0 {
            s.push_str(&limb.to_string());
        } else {
            s.push_str(&format!("{limb:09}"));
        }
    }
    match s.parse::<i64>() {
        Ok(v) => IntValue::Small(v),
        Err(_) => IntValue::Big(s),
    }
}

impl Parser<'_> {
    pub(super) fn number(&mut self) -> PResult<Expr> {
        let t = self.tok().clone();
        self.bump();
        let kind = match &t.kind {
            TokenKind::Int(text) => ExprKind::Int(int_value(text)),
            TokenKind::Float(text) => {
                let clean: String = text.chars().filter(|&c| c != '_').collect();
                ExprKind::Float(crate::core::py::float_text::parse_decimal(&clean).unwrap_or(0.0))
            }
            _ => {
                self.unsupported(t.span, "complex numbers are", "use float values");
                ExprKind::Error
            }
        };
        Ok(Expr::new(kind, t.span))
    }

    /// One or more adjacent string tokens: `'a' "b"`, `f'{x}' 'y'`, `b'..' b'..'`.
    pub(super) fn strings(&mut self) -> PResult<Expr> {
        let start = self.span().start;
        let mut text = String::new();
        let mut bytes: Vec<u8> = Vec::new();
        let mut parts: Vec<FStringPart> = Vec::new();
        let (mut any_bytes, mut any_text, mut any_f) = (false, false, false);
        loop {
            match self.kind() {
                TokenKind::Str(s) => {
                    any_text = true;
                    text.push_str(s);
                }
                TokenKind::Bytes(b) => {
                    any_bytes = true;
                    bytes.extend_from_slice(b);
                }
                TokenKind::FString(pieces) => {
                    let pieces = pieces.clone();
                    any_f = true;
                    any_text = true;
                    if !text.is_empty() {
                        push_literal(&mut parts, std::mem::take(&mut text));
                    }
                    let converted = self.fpieces(&pieces);
                    for p in converted {
                        match p {
                            FStringPart::Literal(s) => push_literal(&mut parts, s),
                            field => parts.push(field),
                        }
                    }
                }
                _ => break,
            }
            self.bump();
        }
        let span = self.since(start);
        if any_bytes && any_text {
            return self.fail(span, "cannot mix bytes and nonbytes literals");
        }
        let kind = if any_bytes {
            ExprKind::Bytes(bytes)
        } else if any_f {
            if !text.is_empty() {
                push_literal(&mut parts, text);
            }
            ExprKind::FString(parts)
        } else {
            ExprKind::Str(text)
        };
        Ok(Expr::new(kind, span))
    }

    fn fpieces(&mut self, pieces: &[FPiece]) -> Vec<FStringPart> {
        let mut out = Vec::new();
        for p in pieces {
            match p {
                FPiece::Literal { text, .. } => push_literal(&mut out, text.clone()),
                FPiece::Field(f) => {
                    let expr = self.field_expr(f.expr_span);
                    let format_spec = f.spec.as_ref().map(|s| self.fpieces(s));
                    let debug_text = f
                        .debug
                        .map(|d| self.src.get(d.start..d.end).unwrap_or("").to_owned());
                    out.push(FStringPart::Field(FormattedValue {
                        expr: Box::new(expr),
                        conversion: f.conversion.map(|c| c.0),
                        format_spec,
                        debug_text,
                        span: f.span,
                    }));
                }
            }
        }
        out
    }

    /// Parses the expression text of an f-string field (spans stay absolute).
    fn field_expr(&mut self, span: Span) -> Expr {
        let error = Expr::new(ExprKind::Error, span);
        if self
            .src
            .get(span.start..span.end)
            .is_none_or(|s| s.trim().is_empty())
        {
            return error;
        }
        let (tokens, lex_diags) =
            Lexer::nested(self.src, span.start, span.end, self.lines.clone()).run();
        let mut sub = Parser::new(self.src, tokens, &lex_diags, self.depth, self.lines.clone());
        sub.nesting = self.nesting;
        sub.func_depth = self.func_depth;
        sub.line_start = span.start;
        let result = if sub.at_kw("yield") {
            sub.star_expressions_or_yield()
        } else {
            sub.star_expressions()
        };
        let result = result.and_then(|e| {
            if matches!(sub.kind(), TokenKind::EndOfFile) {
                Ok(e)
            } else {
                let at = sub.span();
                sub.fail(at, "f-string: invalid syntax")
            }
        });
        let first = lex_diags.into_iter().chain(sub.diags).next();
        if let Some(d) = first {
            self.report(Diagnostic {
                message: prefix_fstring(&d.message),
                ..d
            });
        }
        result.unwrap_or(error)
    }
}

fn prefix_fstring(msg: &str) -> String {
    if msg.starts_with("f-string") {
        msg.to_owned()
    } else {
        format!("f-string: {msg}")
    }
}

fn push_literal(parts: &mut Vec<FStringPart>, s: String) {
    if s.is_empty() {
        return;
    }
    if let Some(FStringPart::Literal(prev)) = parts.last_mut() {
        prev.push_str(&s);
    } else {
        parts.push(FStringPart::Literal(s));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints() {
        assert_eq!(int_value("1_000"), IntValue::Small(1000));
        assert_eq!(int_value("0xFF"), IntValue::Small(255));
        assert_eq!(int_value("0o17"), IntValue::Small(15));
        assert_eq!(int_value("0b101"), IntValue::Small(5));
        assert_eq!(int_value("9223372036854775807"), IntValue::Small(i64::MAX));
        assert_eq!(
            int_value("9223372036854775808"),
            IntValue::Big("9223372036854775808".into())
        );
        assert_eq!(
            int_value("0xffffffffffffffffffff"),
            IntValue::Big("1208925819614629174706175".into())
        );
        assert_eq!(int_value("000"), IntValue::Small(0));
    }
}
