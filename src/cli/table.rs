//! Plain-text tables for the CLI.

use crate::db::{ResultColumn, Value};

/// Renders rows as an aligned text table with a header line; NULL prints as `NULL`
/// in the header-less convention of the sqlite3 shell's box mode (`∅` is not used so
/// output stays ASCII-friendly).
pub fn render_table(columns: &[ResultColumn], rows: &[Vec<Value>]) -> String {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|v| v.display().unwrap_or_else(|| "NULL".into()))
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = columns.iter().map(|c| c.name.chars().count()).collect();
    for row in &cells {
        for (i, c) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(c.chars().count());
            }
        }
    }
    let mut out = String::new();
    let line = |out: &mut String, vals: &mut dyn Iterator<Item = (usize, &str, bool)>| {
        let parts: Vec<String> = vals
            .map(|(w, s, right)| {
                if right {
                    format!("{s:>w$}")
                } else {
                    format!("{s:<w$}")
                }
            })
            .collect();
        out.push_str(parts.join(" | ").trim_end());
        out.push('\n');
    };
    line(
        &mut out,
        &mut columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| (*w, c.name.as_str(), false)),
    );
    out.push_str(
        &widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .join("-+-"),
    );
    out.push('\n');
    for (row, raw) in cells.iter().zip(rows) {
        line(
            &mut out,
            &mut row.iter().zip(&widths).zip(raw).map(|((s, w), v)| {
                (
                    *w,
                    s.as_str(),
                    matches!(v, Value::Integer(_) | Value::Real(_)),
                )
            }),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_columns_and_shows_null() {
        let cols = vec![
            ResultColumn {
                name: "id".into(),
                decltype: "INTEGER".into(),
            },
            ResultColumn {
                name: "name".into(),
                decltype: String::new(),
            },
        ];
        let rows = vec![
            vec![Value::Integer(1), Value::Text("admin".into())],
            vec![Value::Integer(10), Value::Null],
        ];
        assert_eq!(
            render_table(&cols, &rows),
            "id | name\n---+------\n 1 | admin\n10 | NULL\n"
        );
    }
}
