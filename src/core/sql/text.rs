//! `text("... :name ...")`: SQLAlchemy's named bind parameters → SQLite `?` placeholders.

use super::stmt::Statement;
use super::value::SqlValue;

/// The SQL with every `:name` bind replaced by `?`, and the names in order of appearance
/// (SQLAlchemy's `(?<![:\w\\]):(\w+)(?!:)`; `\:` escapes a colon; `::` is left alone).
pub fn positional(sql: &str) -> (String, Vec<String>) {
    let chars: Vec<char> = sql.chars().collect();
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = String::with_capacity(sql.len());
    let mut names = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && chars.get(i + 1) == Some(&':') {
            out.push(':');
            i += 2;
            continue;
        }
        let prev_ok =
            i == 0 || !(chars[i - 1] == ':' || word(chars[i - 1]) || chars[i - 1] == '\\');
        if c == ':' && prev_ok && chars.get(i + 1).is_some_and(|&n| word(n)) {
            let mut j = i + 1;
            while j < chars.len() && word(chars[j]) {
                j += 1;
            }
            if chars.get(j) == Some(&':') {
                j -= 1; // regex backtracking: the name may not be followed by ':'
            }
            if j > i + 1 {
                names.push(chars[i + 1..j].iter().collect());
                out.push('?');
                i = j;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    (out, names)
}

/// The SQL's text around its `:name` binds (one more piece than binds; escaped colons
/// kept escaped), as [`positional`] finds them.
pub fn split_binds(sql: &str) -> Vec<String> {
    let (pos, _) = positional(&sql.replace('?', "\u{1}"));
    pos.split('?')
        .map(|p| p.replace('\u{1}', "?").replace(':', "\\:"))
        .collect()
}

/// A `text()` statement with its parameters looked up by name (missing names bind NULL).
pub fn text_statement(sql: &str, params: &dyn Fn(&str) -> Option<SqlValue>) -> Statement {
    let (sql, names) = positional(sql);
    let values = names
        .iter()
        .map(|n| params(n).unwrap_or(SqlValue::Null))
        .collect();
    Statement::Text(sql, values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::sql::render;

    /// Expected strings: the statements script 28 sent (captured with tools/capture_sql.py).
    #[test]
    fn named_to_positional() {
        let (s, n) = positional("UPDATE item SET qty = qty - :n WHERE name IN (:a, :b)");
        assert_eq!(s, "UPDATE item SET qty = qty - ? WHERE name IN (?, ?)");
        assert_eq!(n, vec!["n", "a", "b"]);
        let st = text_statement("SELECT * FROM item WHERE qty > :q ORDER BY qty", &|_| {
            Some(SqlValue::Integer(50))
        });
        let r = render(&st);
        assert_eq!(r.sql, "SELECT * FROM item WHERE qty > ? ORDER BY qty");
        assert_eq!(r.params_repr(), "(50,)");
        assert_eq!(
            positional("SELECT '10:30', x::int, \\:y").0,
            "SELECT '10:30', x::int, :y"
        );
    }
}
