//! Import and export formats, as pure functions over [`Value`]s: CSV for a
//! result, SQL literals for a dump, and the mapping of a JSON list of objects onto
//! a table's columns (the tutorials' `users.json` → database exercise). The
//! database-facing half ([`dump`], [`import_json`]) needs the `db` feature.

use super::Value;
use crate::core::sql::ident;
use crate::json::{Json, Num};

/// One CSV field (RFC 4180: quoted when it holds a comma, quote or line break).
fn csv_field(v: &Value) -> String {
    let s = match v {
        Value::Null => return String::new(),
        Value::Integer(i) => i.to_string(),
        Value::Real(f) => super::format_real(*f),
        Value::Text(t) => t.clone(),
        Value::Blob(b) => b.iter().map(|x| format!("{x:02x}")).collect(),
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// A result as CSV: a header line, then one line per row (`\r\n` line ends).
/// NULL is an empty field; blobs are hex.
pub fn to_csv(columns: &[String], rows: &[Vec<Value>]) -> String {
    let mut out = String::new();
    let header: Vec<String> = columns
        .iter()
        .map(|c| csv_field(&Value::Text(c.clone())))
        .collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for r in rows {
        let fields: Vec<String> = r.iter().map(csv_field).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A value as an SQLite literal (`NULL`, `42`, `1.5`, `'it''s'`, `X'00ff'`).
pub fn sql_literal(v: &Value) -> String {
    match v {
        Value::Null => "NULL".into(),
        Value::Integer(i) => i.to_string(),
        Value::Real(f) if f.is_nan() => "NULL".into(),
        Value::Real(f) if f.is_infinite() => if *f > 0.0 { "1e999" } else { "-1e999" }.into(),
        Value::Real(f) => {
            let s = super::format_real(*f);
            if s.contains(['.', 'e', 'E']) {
                s
            } else {
                format!("{s}.0")
            }
        }
        Value::Text(t) => format!("'{}'", t.replace('\'', "''")),
        Value::Blob(b) => format!(
            "X'{}'",
            b.iter().map(|x| format!("{x:02x}")).collect::<String>()
        ),
    }
}

/// A JSON list of objects mapped onto columns: the columns in order of first
/// appearance (keys of one object in alphabetical order) with a declared type guessed from the values, and one row per object
/// (missing keys are NULL; nested arrays/objects are stored as JSON text).
#[derive(Debug, Clone, PartialEq)]
pub struct JsonRows {
    /// `(column name, declared type)`.
    pub columns: Vec<(String, &'static str)>,
    /// One row per object, in column order.
    pub rows: Vec<Vec<Value>>,
}

fn json_value(v: &Json) -> Value {
    match v {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Integer(i64::from(*b)),
        Json::Number(n) => match as_i64(n) {
            Some(i) => Value::Integer(i),
            None => Value::Real(as_f64(n)),
        },
        Json::String(s) => Value::Text(s.clone()),
        other => Value::Text(other.to_text()),
    }
}

/// The number as an `i64` when it is an integer that fits.
fn as_i64(n: &Num) -> Option<i64> {
    match *n {
        Num::U64(u) => i64::try_from(u).ok(),
        Num::I64(i) => Some(i),
        Num::F64(_) => None,
    }
}

fn as_f64(n: &Num) -> f64 {
    match *n {
        Num::U64(u) => u as f64,
        Num::I64(i) => i as f64,
        Num::F64(f) => f,
    }
}

/// Maps `text` (a JSON array of objects) to rows. Errors say what is wrong with
/// the JSON, with the item's index.
pub fn json_rows(text: &str) -> Result<JsonRows, String> {
    let parsed: Json = crate::json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    let Json::Array(items) = parsed else {
        return Err("expected a JSON list of objects, like [{\"username\": \"ann\"}]".into());
    };
    let mut columns: Vec<(String, &'static str)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Json::Object(map) = item else {
            return Err(format!("item {i} is not an object"));
        };
        for (k, v) in map {
            let t = match v {
                Json::Bool(_) => "BOOLEAN",
                Json::Number(n) if as_i64(n).is_some() => "INTEGER",
                Json::Number(_) => "FLOAT",
                Json::Null => "",
                _ => "TEXT",
            };
            match columns.iter_mut().find(|(c, _)| c == k) {
                Some((_, ty)) => {
                    if ty.is_empty() {
                        *ty = t;
                    } else if !t.is_empty() && *ty != t {
                        *ty = if matches!((*ty, t), ("INTEGER", "FLOAT") | ("FLOAT", "INTEGER")) {
                            "FLOAT"
                        } else {
                            "TEXT"
                        };
                    }
                }
                None => columns.push((k.clone(), t)),
            }
        }
    }
    for c in &mut columns {
        if c.1.is_empty() {
            c.1 = "TEXT";
        }
    }
    let rows = items
        .iter()
        .map(|item| {
            columns
                .iter()
                .map(|(c, _)| item.get(c).map(json_value).unwrap_or(Value::Null))
                .collect()
        })
        .collect();
    Ok(JsonRows { columns, rows })
}

/// `CREATE TABLE IF NOT EXISTS` for imported JSON rows.
pub fn create_table_sql(table: &str, rows: &JsonRows) -> String {
    let cols: Vec<String> = rows
        .columns
        .iter()
        .map(|(c, t)| format!("{} {t}", ident::quote(c)))
        .collect();
    format!(
        "CREATE TABLE IF NOT EXISTS {} ({})",
        ident::quote(table),
        cols.join(", ")
    )
}

/// `INSERT INTO table (cols) VALUES (?, ...)` for the given columns.
pub fn insert_sql(table: &str, columns: &[String]) -> String {
    let names: Vec<String> = columns
        .iter()
        .map(|c| ident::quote(c).into_owned())
        .collect();
    let marks = vec!["?"; columns.len()].join(", ");
    format!(
        "INSERT INTO {} ({}) VALUES ({marks})",
        ident::quote(table),
        names.join(", ")
    )
}

/// The whole database as SQL text that rebuilds it (like the `sqlite3` shell's
/// `.dump`): schema, then rows as `INSERT`s, inside one transaction.
#[cfg(feature = "db")]
pub fn dump(db: &super::Database) -> super::Result<String> {
    let mut out = String::from("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n");
    let mut objects: Vec<(String, String, String)> = Vec::new();
    db.for_each_row(
        "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL \
         AND name NOT LIKE 'sqlite_%' ORDER BY type <> 'table', rowid",
        &[],
        |r| {
            let get = |i| r.get::<_, String>(i).unwrap_or_default();
            objects.push((get(0), get(1), get(2)));
        },
    )?;
    let mut later = String::new();
    for (kind, name, sql) in &objects {
        if kind != "table" {
            later.push_str(sql);
            later.push_str(";\n");
            continue;
        }
        out.push_str(sql);
        out.push_str(";\n");
        let quoted = format!("\"{}\"", name.replace('"', "\"\""));
        let mut err = None;
        db.for_each_row(&format!("SELECT * FROM {quoted}"), &[], |r| {
            let n = r.as_ref().column_count();
            let mut vals = Vec::with_capacity(n);
            for i in 0..n {
                match Value::from_row(r, i) {
                    Ok(v) => vals.push(sql_literal(&v)),
                    Err(e) => err = Some(e),
                }
            }
            out.push_str(&format!(
                "INSERT INTO {quoted} VALUES({});\n",
                vals.join(",")
            ));
        })?;
        if let Some(e) = err {
            return Err(e.into());
        }
    }
    let has_seq = db
        .for_each_row(
            "SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_sequence'",
            &[],
            |_| {},
        )
        .unwrap_or(0)
        > 0;
    if has_seq {
        out.push_str("DELETE FROM sqlite_sequence;\n");
        db.for_each_row("SELECT name, seq FROM sqlite_sequence", &[], |r| {
            let name: String = r.get(0).unwrap_or_default();
            let seq: i64 = r.get(1).unwrap_or(0);
            out.push_str(&format!(
                "INSERT INTO sqlite_sequence VALUES({},{seq});\n",
                sql_literal(&Value::Text(name))
            ));
        })?;
    }
    out.push_str(&later);
    out.push_str("COMMIT;\n");
    Ok(out)
}

/// Imports a JSON list of objects into `table`: creates it when missing (columns
/// from the keys), adds nothing to an existing table's schema, and inserts every
/// object whose keys match its columns, in one transaction. Returns the rows
/// inserted and whether the table was created.
#[cfg(feature = "db")]
pub fn import_json(db: &super::Database, table: &str, text: &str) -> super::Result<(u64, bool)> {
    use super::DbError;
    let rows = json_rows(text).map_err(DbError::Bind)?;
    if rows.rows.is_empty() {
        return Ok((0, false));
    }
    let mut existing: Vec<String> = Vec::new();
    db.for_each_row(
        "SELECT name FROM pragma_table_info(?)",
        &[Value::Text(table.to_owned())],
        |r| existing.push(r.get(0).unwrap_or_default()),
    )?;
    let created = existing.is_empty();
    if created {
        db.execute_batch(&create_table_sql(table, &rows))?;
        existing = rows.columns.iter().map(|(c, _)| c.clone()).collect();
    }
    // Match keys to columns (case-insensitively, as SQLite names are).
    let picks: Vec<(usize, String)> = rows
        .columns
        .iter()
        .enumerate()
        .filter_map(|(i, (k, _))| {
            existing
                .iter()
                .find(|c| c.eq_ignore_ascii_case(k))
                .map(|c| (i, c.clone()))
        })
        .collect();
    if picks.is_empty() {
        return Err(DbError::Bind(format!(
            "no key of the JSON objects matches a column of {table}"
        )));
    }
    let names: Vec<String> = picks.iter().map(|(_, c)| c.clone()).collect();
    let sql = insert_sql(table, &names);
    let n = db.run_many(
        &sql,
        rows.rows
            .into_iter()
            .map(|r| picks.iter().map(|(i, _)| r[*i].clone()).collect()),
    )?;
    Ok((n, created))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_when_needed() {
        let rows = vec![
            vec![Value::Integer(1), Value::Text("a,b".into()), Value::Null],
            vec![
                Value::Real(1.5),
                Value::Text("say \"hi\"".into()),
                Value::Blob(vec![0, 255]),
            ],
        ];
        assert_eq!(
            to_csv(&["id".into(), "name".into(), "x".into()], &rows),
            "id,name,x\r\n1,\"a,b\",\r\n1.5,\"say \"\"hi\"\"\",00ff\r\n"
        );
    }

    #[test]
    fn literals_round_trip_types() {
        assert_eq!(sql_literal(&Value::Text("it's".into())), "'it''s'");
        assert_eq!(sql_literal(&Value::Real(2.0)), "2.0");
        assert_eq!(sql_literal(&Value::Blob(vec![1, 2])), "X'0102'");
        assert_eq!(sql_literal(&Value::Null), "NULL");
    }

    #[test]
    fn json_objects_become_rows_with_guessed_types() {
        let r = json_rows(
            r#"[{"username": "ann", "age": 31, "admin": true},
                {"username": "bob", "email": null, "age": 2.5, "tags": ["x"]}]"#,
        )
        .unwrap();
        assert_eq!(
            r.columns,
            vec![
                ("admin".into(), "BOOLEAN"),
                ("age".into(), "FLOAT"),
                ("username".into(), "TEXT"),
                ("email".into(), "TEXT"),
                ("tags".into(), "TEXT"),
            ]
        );
        assert_eq!(r.rows[1][4], Value::Text("[\"x\"]".into()));
        assert_eq!(r.rows[1][0], Value::Null);
        assert_eq!(r.rows[0][0], Value::Integer(1));
        assert!(json_rows("{}").is_err());
        assert!(json_rows("[1]").unwrap_err().contains("item 0"));
    }

    /// The serde_json version `json_rows` replaced (the reference for the property below).
    fn serde_json_rows(text: &str) -> Option<JsonRows> {
        use serde_json::Value as J;
        let value = |v: &J| match v {
            J::Null => Value::Null,
            J::Bool(b) => Value::Integer(i64::from(*b)),
            J::Number(n) => match n.as_i64() {
                Some(i) => Value::Integer(i),
                None => Value::Real(n.as_f64().unwrap_or(0.0)),
            },
            J::String(s) => Value::Text(s.clone()),
            other => Value::Text(other.to_string()),
        };
        let J::Array(items) = serde_json::from_str(text).ok()? else {
            return None;
        };
        let mut columns: Vec<(String, &'static str)> = Vec::new();
        for item in &items {
            for (k, v) in item.as_object()? {
                let t = match v {
                    J::Bool(_) => "BOOLEAN",
                    J::Number(n) if n.is_i64() => "INTEGER",
                    J::Number(_) => "FLOAT",
                    J::Null => "",
                    _ => "TEXT",
                };
                match columns.iter_mut().find(|(c, _)| c == k) {
                    Some((_, ty)) if ty.is_empty() => *ty = t,
                    Some((_, ty)) if !t.is_empty() && *ty != t => {
                        *ty = if matches!((*ty, t), ("INTEGER", "FLOAT") | ("FLOAT", "INTEGER")) {
                            "FLOAT"
                        } else {
                            "TEXT"
                        }
                    }
                    Some(_) => {}
                    None => columns.push((k.clone(), t)),
                }
            }
        }
        for c in &mut columns {
            if c.1.is_empty() {
                c.1 = "TEXT";
            }
        }
        let rows = items
            .iter()
            .map(|item| {
                columns
                    .iter()
                    .map(|(c, _)| item.get(c).map(value).unwrap_or(Value::Null))
                    .collect()
            })
            .collect();
        Some(JsonRows { columns, rows })
    }

    fn any_json() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        use serde_json::Value as J;
        let leaf = prop_oneof![
            Just(J::Null),
            any::<bool>().prop_map(J::Bool),
            any::<i64>().prop_map(J::from),
            any::<u64>().prop_map(J::from),
            any::<f64>().prop_map(J::from),
            "[a-c\\\"\\n é]{0,4}".prop_map(J::String),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(J::Array),
                proptest::collection::btree_map("[a-d]{1,2}", inner, 0..4)
                    .prop_map(|m| J::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn json_rows_match_the_serde_json_version(
            items in proptest::collection::vec(
                proptest::collection::btree_map("[a-e]{1,2}", any_json(), 0..5), 0..5),
            pretty in proptest::bool::ANY,
        ) {
            let list = serde_json::Value::Array(
                items.into_iter().map(|m| serde_json::Value::Object(m.into_iter().collect())).collect());
            let text = if pretty {
                serde_json::to_string_pretty(&list).unwrap()
            } else {
                list.to_string()
            };
            let (ours, theirs) = (json_rows(&text).ok(), serde_json_rows(&text));
            // Nested JSON text may differ where a float has two equally short and close
            // decimal forms (see `json::write_f64`): compare what it reads back as.
            let json = |v: &Value| match v {
                Value::Text(t) => serde_json::from_str::<serde_json::Value>(t)
                    .map(|j| j.to_string())
                    .unwrap_or_else(|_| t.clone()),
                other => format!("{other:?}"),
            };
            proptest::prop_assert_eq!(ours.as_ref().map(|r| &r.columns), theirs.as_ref().map(|r| &r.columns));
            let flat = |r: &Option<JsonRows>| -> Vec<String> {
                r.iter().flat_map(|r| r.rows.iter().flatten().map(json)).collect()
            };
            proptest::prop_assert_eq!(flat(&ours), flat(&theirs));
        }
    }
}
