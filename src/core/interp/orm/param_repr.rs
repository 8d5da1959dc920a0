//! Parameters as SQLAlchemy's echo log and error messages show them: one value's repr
//! (long ones truncated), a statement's tuple, an executemany's list of tuples.

use crate::core::sql::SqlValue;

/// Python's repr of one parameter as SQLAlchemy's log and errors show it: reprs over 300
/// characters keep their first and last 150 (`... (N characters truncated) ...`).
pub fn param_repr(v: &SqlValue) -> String {
    let r = v.py_repr();
    let n = r.chars().count();
    if n <= 300 {
        return r;
    }
    let head: String = r.chars().take(150).collect();
    let tail: String = r.chars().skip(n - 150).collect();
    format!("{head} ... ({} characters truncated) ... {tail}", n - 300)
}

/// One parameter set as a Python tuple: `()`, `('a',)`, `(1, 'a')`; past 100 values the
/// first and last 50 around `... N parameters truncated ...` (a long `IN` list).
pub fn tuple_repr(params: &[SqlValue]) -> String {
    const MAX: usize = 100;
    if params.len() > MAX {
        let join = |p: &[SqlValue]| p.iter().map(param_repr).collect::<Vec<_>>().join(", ");
        return format!(
            "({} ... {} parameters truncated ... {})",
            join(&params[..MAX / 2]),
            params.len() - MAX,
            join(&params[params.len() - MAX / 2..])
        );
    }
    let mut s = String::with_capacity(2 + 12 * params.len());
    s.push('(');
    for (i, p) in params.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        match p {
            // (The common key parameter, written without an intermediate string.)
            SqlValue::Integer(n) => push_int(&mut s, *n),
            other => s.push_str(&param_repr(other)),
        }
    }
    if params.len() == 1 {
        s.push(',');
    }
    s.push(')');
    s
}

/// Appends an integer's decimal digits (what `{n}` writes, without the formatting
/// machinery: the log writes one per key lookup).
fn push_int(s: &mut String, n: i64) {
    let mut buf = [0u8; 21];
    let mut i = buf.len();
    let mut m = n.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    // (ASCII digits: one append.)
    s.push_str(std::str::from_utf8(&buf[i..]).unwrap_or_default());
}

/// Several parameter sets as SQLAlchemy echoes an `executemany`: a list, or, past ten
/// sets, the first eight and the last two around `... displaying 10 of N total bound
/// parameter sets ...`.
pub fn many_repr(sets: usize, values: &[SqlValue]) -> String {
    let width = values.len().checked_div(sets).unwrap_or(0);
    let show = |from: usize, to: usize| {
        (from..to)
            .map(|k| tuple_repr(&values[k * width..(k + 1) * width]))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if sets <= 10 {
        return format!("[{}]", show(0, sets));
    }
    format!(
        "[{}  ... displaying 10 of {sets} total bound parameter sets ...  {}]",
        show(0, 8),
        show(sets - 2, sets)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_in_a_tuple_as_python_writes_them() {
        for n in [0, 7, -7, 10, 1234567890, i64::MAX, i64::MIN] {
            assert_eq!(tuple_repr(&[SqlValue::Integer(n)]), format!("({n},)"));
        }
    }

    #[test]
    fn long_parameters_are_truncated_like_sqlalchemy() {
        let v = SqlValue::text("y".repeat(500));
        let r = param_repr(&v);
        assert!(r.contains(" ... (202 characters truncated) ... "));
        assert!(r.starts_with(&format!("'{}", "y".repeat(149))));
        assert_eq!(param_repr(&SqlValue::Text("ab".into())), "'ab'");
    }

    #[test]
    fn parameter_sets_display_like_executemany_echo() {
        let rows: Vec<SqlValue> = (1..=14)
            .flat_map(|i| [SqlValue::Integer(i), SqlValue::text(format!("n{i}"))])
            .collect();
        assert_eq!(
            many_repr(14, &rows),
            "[(1, 'n1'), (2, 'n2'), (3, 'n3'), (4, 'n4'), (5, 'n5'), (6, 'n6'), (7, 'n7'), (8, 'n8')  ... displaying 10 of 14 total bound parameter sets ...  (13, 'n13'), (14, 'n14')]"
        );
        assert_eq!(many_repr(2, &rows[..4]), "[(1, 'n1'), (2, 'n2')]");
        assert_eq!(tuple_repr(&[SqlValue::Null]), "(None,)");
    }

    /// Expected from SQLAlchemy's echo of a `selectinload()` of 602 parents (500 keys in
    /// the first SELECT, 102 in the second).
    #[test]
    fn long_parameter_lists_are_truncated_like_sqlalchemy() {
        let p: Vec<SqlValue> = (501..=602).map(SqlValue::Integer).collect();
        let expected = format!(
            "({} ... 2 parameters truncated ... {})",
            (501..=550)
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(", "),
            (553..=602)
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        assert_eq!(tuple_repr(&p), expected);
        let p: Vec<SqlValue> = (1..=100).map(SqlValue::Integer).collect();
        assert!(!tuple_repr(&p).contains("truncated"));
    }
}
