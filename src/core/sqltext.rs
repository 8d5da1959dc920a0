//! Splitting SQL console text into statements, each with its span.
//!
//! SQLite prepares one statement at a time; the console needs to know where each
//! statement starts so that SQLite's error offsets (relative to one statement) can be
//! shown as `line:col` in the whole editor text. The splitter understands quotes
//! (`'..'`, `".."`, `` `..` ``, `[..]`), comments (`--`, `/* */`) and the
//! `CREATE TRIGGER ... BEGIN ... END;` form whose body contains semicolons.

use crate::core::diag::Span;

/// One statement of a SQL text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqlStatement {
    /// Where the statement's text is, from its first token to its terminating `;` (exclusive)
    /// or the end of the text.
    pub span: Span,
}

impl SqlStatement {
    /// The statement's text within `source`.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.span.start..self.span.end]
    }
}

/// True when `sql` holds only whitespace and comments (`--` to the end of a line, `/* */`,
/// an unterminated one to the end of the text).
pub fn only_comments(sql: &str) -> bool {
    let b = sql.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => i += 1,
            b'-' if b.get(i + 1) == Some(&b'-') => {
                i = b[i..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .map_or(b.len(), |p| i + p);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = (b[i + 2..].windows(2).position(|w| w == b"*/")).map_or(b.len(), |p| i + p + 4);
            }
            _ => return false,
        }
    }
    true
}

/// Splits `sql` into statements. Empty statements (only whitespace, comments or `;`)
/// are skipped. Never panics; an unterminated quote or comment ends the last statement.
pub fn split_statements(sql: &str) -> Vec<SqlStatement> {
    let bytes = sql.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    // Start of the current statement's first token, if any token was seen.
    let mut start: Option<usize> = None;
    let mut words: Vec<String> = Vec::new(); // first few keywords, upper-cased
    let mut in_trigger = false;
    let mut last_word_end = false; // last significant token was END (inside a trigger)
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => i += 1,
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < bytes.len() && !(bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/')) {
                    i += 1;
                }
                i = (i + 2).min(bytes.len());
            }
            b';' => {
                if in_trigger && !last_word_end {
                    i += 1;
                    continue;
                }
                if let Some(s) = start.take() {
                    out.push(SqlStatement {
                        span: Span::new(s, i),
                    });
                }
                words.clear();
                in_trigger = false;
                last_word_end = false;
                i += 1;
            }
            b'\'' | b'"' | b'`' | b'[' => {
                start.get_or_insert(i);
                let close = if b == b'[' { b']' } else { b };
                i += 1;
                loop {
                    match bytes.get(i) {
                        None => break,
                        Some(&c) if c == close => {
                            // Doubled quote escapes itself (not for [..]).
                            if close != b']' && bytes.get(i + 1) == Some(&close) {
                                i += 2;
                                continue;
                            }
                            i += 1;
                            break;
                        }
                        Some(_) => i += 1,
                    }
                }
                last_word_end = false;
            }
            _ if b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80 => {
                start.get_or_insert(i);
                let s = i;
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric()
                        || bytes[i] == b'_'
                        || bytes[i] == b'$'
                        || bytes[i] >= 0x80)
                {
                    i += 1;
                }
                let word = &sql[s..i];
                if words.len() < 4 {
                    words.push(word.to_ascii_uppercase());
                    in_trigger = is_trigger_start(&words);
                }
                last_word_end = in_trigger && word.eq_ignore_ascii_case("END");
            }
            _ => {
                start.get_or_insert(i);
                // Advance one whole UTF-8 character.
                i += 1;
                while i < bytes.len() && !sql.is_char_boundary(i) {
                    i += 1;
                }
                last_word_end = false;
            }
        }
    }
    if let Some(s) = start {
        let end = sql.trim_end().len().max(s);
        out.push(SqlStatement {
            span: Span::new(s, end),
        });
    }
    out
}

fn is_trigger_start(words: &[String]) -> bool {
    match words {
        [c, t, ..] if c == "CREATE" && t == "TRIGGER" => true,
        [c, tmp, t, ..]
            if c == "CREATE" && (tmp == "TEMP" || tmp == "TEMPORARY") && t == "TRIGGER" =>
        {
            true
        }
        _ => false,
    }
}

/// The statement whose span contains `offset` (or the nearest one before it), for
/// "run the statement at the cursor".
pub fn statement_at(sql: &str, offset: usize) -> Option<SqlStatement> {
    let stmts = split_statements(sql);
    let mut best = None;
    for s in stmts {
        if s.span.start <= offset {
            best = Some(s);
        } else {
            return best.or(Some(s));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sql: &str) -> Vec<&str> {
        split_statements(sql).iter().map(|s| s.text(sql)).collect()
    }

    #[test]
    fn splits_on_semicolons_outside_quotes_and_comments() {
        assert_eq!(
            texts("select 1; select ';' -- x;\n; /* ; */ select \"a;b\", [c;d]"),
            vec!["select 1", "select ';' -- x;\n", "select \"a;b\", [c;d]"]
        );
    }

    #[test]
    fn statement_text_excludes_leading_comments() {
        let sql = "-- header\n  select 1;\n";
        assert_eq!(texts(sql), vec!["select 1"]);
        assert_eq!(split_statements(sql)[0].span.start, 12);
    }

    #[test]
    fn trigger_bodies_keep_their_semicolons() {
        let sql = "create trigger t after insert on a begin insert into b values (1); update c set x = 1; end; select 2";
        assert_eq!(
            texts(sql),
            vec![
                "create trigger t after insert on a begin insert into b values (1); update c set x = 1; end",
                "select 2"
            ]
        );
    }

    #[test]
    fn doubled_quotes_and_unterminated_input() {
        assert_eq!(
            texts("select 'it''s; fine'; select 'open"),
            vec!["select 'it''s; fine'", "select 'open"]
        );
        assert_eq!(texts("/* never closed"), Vec::<&str>::new());
        assert_eq!(texts(" ;; \n ; "), Vec::<&str>::new());
    }

    #[test]
    fn statement_at_cursor() {
        let sql = "select 1;\nselect 2;\n\nselect 3";
        assert_eq!(statement_at(sql, 0).unwrap().text(sql), "select 1");
        assert_eq!(statement_at(sql, 12).unwrap().text(sql), "select 2");
        assert_eq!(statement_at(sql, 20).unwrap().text(sql), "select 2");
        assert_eq!(statement_at(sql, 26).unwrap().text(sql), "select 3");
    }

    #[test]
    fn never_panics_on_multibyte_text() {
        for s in ["é;ü", "'é", "[ü", "--é", "/*é", "é", "select 'é'; ü"] {
            let _ = split_statements(s);
        }
    }
}
