//! Identifier quoting exactly as SQLAlchemy's `SQLiteIdentifierPreparer` does it.

use std::borrow::Cow;

/// SQLAlchemy 2.0's SQLite reserved words (`SQLiteIdentifierPreparer.reserved_words`).
pub const RESERVED_WORDS: &str = "add after all alter analyze and as asc attach autoincrement before begin between by \
    cascade case cast check collate column commit conflict constraint create cross \
    current_date current_time current_timestamp database default deferrable deferred delete \
    desc detach distinct drop each else end escape except exclusive exists explain fail \
    false for foreign from full glob group having if ignore immediate in index indexed \
    initially inner insert instead intersect into is isnull join key left like limit match \
    natural not notnull null of offset on or order outer plan pragma primary query raise \
    references reindex rename replace restrict right rollback row select set table temp \
    temporary then to transaction trigger true union unique update using vacuum values view \
    virtual when where";

/// True when SQLAlchemy would quote `name`: a reserved word, a leading digit or `$`,
/// a character outside `[A-Za-z0-9_$]`, or any upper-case letter (case-sensitive name).
pub fn requires_quotes(name: &str) -> bool {
    let lower = crate::core::py::case::lower(name);
    if crate::core::words::has(RESERVED_WORDS, &lower) {
        return true;
    }
    match name.chars().next() {
        None => return true,
        Some(c) if c.is_ascii_digit() || c == '$' => return true,
        _ => {}
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
    {
        return true;
    }
    lower != name
}

/// The identifier as it appears in SQL: `"..."` (with `"` doubled) when [`requires_quotes`].
pub fn quote(name: &str) -> Cow<'_, str> {
    if requires_quotes(name) {
        Cow::Owned(format!("\"{}\"", name.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(name)
    }
}

/// The reserved words of SQLAlchemy's default (generic) compiler
/// (`sqlalchemy.sql.compiler.RESERVED_WORDS`), used when a statement is printed with
/// `str()` rather than compiled for SQLite.
pub const GENERIC_RESERVED_WORDS: &str = "all analyse analyze and any array as asc asymmetric authorization between binary both \
    case cast check collate column constraint create cross current_date current_role \
    current_time current_timestamp current_user default deferrable desc distinct do else \
    end except false for foreign freeze from full grant group having ilike in initially \
    inner intersect into is isnull join leading left like limit localtime localtimestamp \
    natural new not notnull null off offset old on only or order outer overlaps placing \
    primary references right select session_user set similar some symmetric table then to \
    trailing true union unique user using verbose when where";

/// [`quote`] for the generic dialect (its reserved words instead of SQLite's).
pub fn quote_generic(name: &str) -> Cow<'_, str> {
    let lower = crate::core::py::case::lower(name);
    let needs = crate::core::words::has(GENERIC_RESERVED_WORDS, &lower)
        || (requires_quotes(name) && !crate::core::words::has(RESERVED_WORDS, &lower));
    if needs {
        Cow::Owned(format!("\"{}\"", name.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(name)
    }
}

/// A string literal as SQLAlchemy renders it inline: `'...'` with `'` doubled.
pub fn string_literal(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_sorted() {
        for list in [RESERVED_WORDS, GENERIC_RESERVED_WORDS] {
            let v: Vec<&str> = list.split(' ').collect();
            assert!(v.windows(2).all(|w| w[0] < w[1]), "{list}");
        }
    }

    #[test]
    fn quoting() {
        // expectations from tools/sql_cases.py output (CREATE TABLE "group" / "order", "userName").
        for (n, q) in [
            ("user", "user"),
            ("order", "\"order\""),
            ("group", "\"group\""),
            ("from", "\"from\""),
            ("match", "\"match\""),
            ("userName", "\"userName\""),
            ("ix_group_userName", "\"ix_group_userName\""),
            ("post_tags", "post_tags"),
            ("1abc", "\"1abc\""),
            ("a b", "\"a b\""),
            ("Ab\"c", "\"Ab\"\"c\""),
        ] {
            assert_eq!(quote(n), q, "{n}");
        }
        assert_eq!(string_literal("it's"), "'it''s'");
    }
}
