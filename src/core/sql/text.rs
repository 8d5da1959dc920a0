//! `text("... :name ...")`: SQLAlchemy's named bind parameters → SQLite `?` placeholders.

use super::stmt::Statement;
use super::value::SqlValue;

/// The `:name` binds of `text()` SQL: byte ranges and names, in order (SQLAlchemy's
/// `(?<![:\w\\]):(\w+)(?!:)`; `\:` escapes a colon; `::` is left alone).
pub fn binds(sql: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let chars: Vec<(usize, char)> = sql.char_indices().collect();
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let byte = |i: usize| chars.get(i).map_or(sql.len(), |c| c.0);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let prev_ok = i == 0 || {
            let p = chars[i - 1].1;
            !(p == ':' || word(p) || p == '\\')
        };
        if c == ':' && prev_ok && chars.get(i + 1).is_some_and(|&(_, n)| word(n)) {
            let mut j = i + 1;
            while j < chars.len() && word(chars[j].1) {
                j += 1;
            }
            if chars.get(j).is_some_and(|c| c.1 == ':') {
                j -= 1; // regex backtracking: the name may not be followed by ':'
            }
            if j > i + 1 {
                out.push((byte(i)..byte(j), sql[byte(i + 1)..byte(j)].to_string()));
                i = j;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The SQL with every `:name` bind replaced by `?` (and `\:` by `:`), and the names in
/// order of appearance.
pub fn positional(sql: &str) -> (String, Vec<String>) {
    let mut out = String::with_capacity(sql.len());
    let mut names = Vec::new();
    let mut at = 0;
    for (span, name) in binds(sql) {
        out.push_str(&sql[at..span.start].replace("\\:", ":"));
        out.push('?');
        names.push(name);
        at = span.end;
    }
    out.push_str(&sql[at..].replace("\\:", ":"));
    (out, names)
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
