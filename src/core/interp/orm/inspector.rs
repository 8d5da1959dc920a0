//! The engine's `Inspector` (`inspect(db.engine)`): its `get_*` methods and `has_table()`
//! reflect the live database through SQLite's PRAGMAs and its schema text, the way
//! SQLAlchemy's SQLite dialect does.

use crate::core::sql::SqlValue;

use super::super::value::Value;
use super::super::{Interp, R};
use super::Native;
use super::dispatch::nv;

fn s(v: &str) -> Value {
    Value::str(v)
}

fn dict(pairs: Vec<(&str, Value)>) -> Value {
    Value::dict_of(pairs.into_iter().map(|(k, v)| (s(k), v)).collect())
}

fn strs(v: &[String]) -> Value {
    Value::list(v.iter().map(|c| s(c)).collect())
}

/// Column names in a constraint's column list (`"a", b` → `a`, `b`), as SQLAlchemy's
/// `_find_cols_in_sig` reads them.
fn cols_in_sig(sig: &str) -> Vec<String> {
    let mut out = vec![];
    let mut it = sig.char_indices().peekable();
    while let Some((i, ch)) = it.next() {
        if ch == '"' {
            let rest = &sig[i + 1..];
            if let Some(end) = rest.find('"') {
                out.push(rest[..end].to_string());
                for _ in 0..=rest[..end].chars().count() {
                    it.next();
                }
            }
        } else if ch.is_ascii_alphanumeric() || ch == '_' {
            let mut w = String::from(ch);
            while let Some(&(_, c)) = it.peek() {
                if c.is_ascii_alphanumeric() || c == '_' {
                    w.push(c);
                    it.next();
                } else {
                    break;
                }
            }
            out.push(w);
        }
    }
    out
}

/// The text between the parenthesis at `open` and its match.
fn paren_body(text: &str, open: usize) -> Option<&str> {
    let mut depth = 0;
    for (i, ch) in text[open..].char_indices() {
        match ch {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(&text[open + 1..open + i]);
                }
            }
            _ => {}
        }
    }
    None
}

/// `CONSTRAINT name ` right before `at` in `text`, as SQLAlchemy's patterns take it.
fn constraint_name_before(text: &str, at: usize) -> Option<String> {
    let head = text[..at].trim_end();
    let (rest, name) = head.rsplit_once(|c: char| c.is_whitespace())?;
    if rest.trim_end().to_ascii_uppercase().ends_with("CONSTRAINT") {
        Some(name.trim_matches('"').to_string())
    } else {
        None
    }
}

/// A reflected column type: SQLAlchemy's `_resolve_type_affinity` on the declared type
/// (repr and DDL text).
fn reflected_type(decl: &str) -> (String, String) {
    let upper = decl.to_ascii_uppercase();
    let (name, args) = match upper.find('(') {
        Some(i) => (upper[..i].trim().to_string(), Some(&upper[i..])),
        None => (upper.trim().to_string(), None),
    };
    let known = [
        ("BIGINT", "BIGINT"),
        ("BLOB", "BLOB"),
        ("BOOL", "BOOLEAN"),
        ("BOOLEAN", "BOOLEAN"),
        ("CHAR", "CHAR"),
        ("DATE", "DATE"),
        ("DATE_CHAR", "DATE"),
        ("DATETIME", "DATETIME"),
        ("DATETIME_CHAR", "DATETIME"),
        ("DOUBLE", "DOUBLE"),
        ("DECIMAL", "DECIMAL"),
        ("FLOAT", "FLOAT"),
        ("INT", "INTEGER"),
        ("INTEGER", "INTEGER"),
        ("JSON", "JSON"),
        ("NUMERIC", "NUMERIC"),
        ("REAL", "REAL"),
        ("SMALLINT", "SMALLINT"),
        ("TEXT", "TEXT"),
        ("TIME", "TIME"),
        ("TIME_CHAR", "TIME"),
        ("TIMESTAMP", "TIMESTAMP"),
        ("VARCHAR", "VARCHAR"),
        ("NVARCHAR", "NVARCHAR"),
        ("NCHAR", "NCHAR"),
    ];
    let class = match known.iter().find(|(k, _)| *k == name) {
        Some((_, c)) => *c,
        None if name.contains("INT") => "INTEGER",
        None if ["CHAR", "CLOB", "TEXT"].iter().any(|k| name.contains(k)) => "TEXT",
        None if name.contains("BLOB") || name.is_empty() => "NullType",
        None if ["REAL", "FLOA", "DOUB"].iter().any(|k| name.contains(k)) => "REAL",
        None => "NUMERIC",
    };
    let nums: Vec<String> = args
        .map(|a| {
            a.split(|c: char| !c.is_ascii_digit())
                .filter(|p| !p.is_empty())
                .map(|p| p.trim_start_matches('0').to_string())
                .map(|p| if p.is_empty() { "0".into() } else { p })
                .collect()
        })
        .unwrap_or_default();
    // The constructor's keyword names, for the arguments it takes.
    let params: &[&str] = match class {
        "VARCHAR" | "CHAR" | "NVARCHAR" | "NCHAR" | "TEXT" => &["length"],
        "NUMERIC" | "DECIMAL" => &["precision", "scale"],
        "FLOAT" | "REAL" | "DOUBLE" => &["precision"],
        _ => &[],
    };
    let nums = if nums.len() > params.len() {
        vec![]
    } else {
        nums
    };
    let repr_args: Vec<String> = params
        .iter()
        .zip(&nums)
        .map(|(p, n)| format!("{p}={n}"))
        .collect();
    let repr = format!("{class}({})", repr_args.join(", "));
    let ddl = match class {
        "NullType" => "NULL".to_string(),
        _ if nums.is_empty() => class.to_string(),
        _ => format!("{class}({})", nums.join(", ")),
    };
    (repr, ddl)
}

impl Interp<'_> {
    fn rows(&mut self, sql: &str) -> Vec<Vec<SqlValue>> {
        self.backend
            .execute(sql, &[])
            .map(|r| r.rows.into_iter().map(|r| r.to_vec()).collect())
            .unwrap_or_default()
    }

    fn table_sql(&mut self, table: &str) -> String {
        let q = format!(
            "SELECT sql FROM sqlite_master WHERE name = '{}' AND type = 'table'",
            table.replace('\'', "''")
        );
        match self
            .rows(&q)
            .into_iter()
            .next()
            .and_then(|r| r.into_iter().next())
        {
            Some(SqlValue::Text(t)) => t.to_string(),
            _ => String::new(),
        }
    }

    fn pragma(&mut self, pragma: &str, arg: &str) -> Vec<Vec<SqlValue>> {
        let q = format!("PRAGMA main.{pragma}(\"{}\")", arg.replace('"', "\"\""));
        self.rows(&q)
    }

    /// `Inspector.get_*()` / `has_table()`.
    pub fn inspector_method(&mut self, name: &str, args: Vec<Value>) -> R<Value> {
        let text = |v: &SqlValue| match v {
            SqlValue::Text(t) => t.to_string(),
            SqlValue::Integer(i) => i.to_string(),
            _ => String::new(),
        };
        let int = |v: &SqlValue| match v {
            SqlValue::Integer(i) => *i,
            _ => 0,
        };
        if let "get_table_names" | "get_view_names" = name {
            let kind = if name == "get_table_names" {
                "table"
            } else {
                "view"
            };
            let q = format!(
                "SELECT name FROM sqlite_master WHERE type='{kind}' AND name NOT LIKE 'sqlite~_%' ESCAPE '~' ORDER BY name"
            );
            let names: Vec<Value> = self.rows(&q).iter().map(|r| s(&text(&r[0]))).collect();
            return Ok(Value::list(names));
        }
        if name == "get_schema_names" {
            return Ok(Value::list(vec![s("main")]));
        }
        let table = match args.first() {
            Some(Value::Str(t)) => t.to_string(),
            _ => return self.raise("TypeError", format!("{name}() needs a table name")),
        };
        let info = self.pragma("table_info", &table);
        if name == "has_table" {
            return Ok(Value::Bool(!info.is_empty()));
        }
        if info.is_empty() {
            return self.raise("NoSuchTableError", &table);
        }
        let sql = self.table_sql(&table);
        match name {
            "get_columns" => {
                let mut out = vec![];
                for r in &info {
                    let (repr, ddl) = reflected_type(&text(&r[2]));
                    let default = match &r[4] {
                        SqlValue::Null => Value::None,
                        v => s(&text(v)),
                    };
                    out.push(dict(vec![
                        ("name", s(&text(&r[1]))),
                        ("type", nv(Native::ReflectedType(repr.into(), ddl.into()))),
                        ("nullable", Value::Bool(int(&r[3]) == 0)),
                        ("default", default),
                        ("primary_key", Value::int(int(&r[5]))),
                    ]));
                }
                Ok(Value::list(out))
            }
            "get_pk_constraint" => {
                let mut pk: Vec<(i64, String)> = info
                    .iter()
                    .filter(|r| int(&r[5]) > 0)
                    .map(|r| (int(&r[5]), text(&r[1])))
                    .collect();
                crate::core::sort::sort_by_key(&mut pk, |p| p.0);
                let cols: Vec<String> = pk.into_iter().map(|p| p.1).collect();
                let upper = sql.to_ascii_uppercase();
                let name = upper
                    .find(" PRIMARY KEY")
                    .and_then(|at| constraint_name_before(&sql, at));
                Ok(dict(vec![
                    ("constrained_columns", strs(&cols)),
                    ("name", name.map_or(Value::None, |n| s(&n))),
                ]))
            }
            "get_indexes" | "get_unique_constraints" => {
                let list = self.pragma("index_list", &table);
                let mut idx: Vec<(String, i64, Vec<String>)> = vec![];
                for r in &list {
                    let iname = text(&r[1]);
                    let cols: Vec<String> = self
                        .pragma("index_info", &iname)
                        .iter()
                        .map(|c| text(&c[2]))
                        .collect();
                    idx.push((iname, int(&r[2]), cols));
                }
                if name == "get_indexes" {
                    idx.retain(|i| !i.0.starts_with("sqlite_autoindex"));
                    crate::core::sort::sort_by(&mut idx, |a, b| a.0.cmp(&b.0));
                    let out = idx
                        .into_iter()
                        .map(|(n, u, cols)| {
                            dict(vec![
                                ("name", s(&n)),
                                ("column_names", strs(&cols)),
                                ("unique", Value::int(u)),
                                ("dialect_options", Value::dict_of(vec![])),
                            ])
                        })
                        .collect();
                    return Ok(Value::list(out));
                }
                let mut auto: Vec<Vec<String>> = idx
                    .into_iter()
                    .filter(|i| i.0.starts_with("sqlite_autoindex"))
                    .map(|i| i.2)
                    .collect();
                let mut out = vec![];
                for (cname, cols) in unique_clauses(&sql) {
                    if let Some(p) = auto.iter().position(|a| *a == cols) {
                        auto.remove(p);
                        out.push(dict(vec![
                            ("name", cname.map_or(Value::None, |n| s(&n))),
                            ("column_names", strs(&cols)),
                        ]));
                    }
                }
                Ok(Value::list(out))
            }
            "get_foreign_keys" => {
                let rows = self.pragma("foreign_key_list", &table);
                let mut fks: Vec<PragmaFk> = vec![];
                for r in &rows {
                    let id = int(&r[0]);
                    let at = match fks.iter().position(|f| f.0 == id) {
                        Some(p) => p,
                        None => {
                            fks.push((id, text(&r[2]), vec![], vec![], text(&r[5]), text(&r[6])));
                            fks.len() - 1
                        }
                    };
                    fks[at].2.push(text(&r[3]));
                    fks[at].3.push(text(&r[4]));
                }
                // Table-level `FOREIGN KEY (...)` clauses in the order written (named and with
                // their actions); inline ones after, as SQLite lists them.
                let upper = sql.to_ascii_uppercase();
                let mut out = vec![];
                let mut from = 0;
                while let Some(p) = upper[from..].find("FOREIGN KEY") {
                    let at = from + p;
                    from = at + 11;
                    let Some(open) = sql[from..].find('(').map(|o| from + o) else {
                        break;
                    };
                    let cols = cols_in_sig(paren_body(&sql, open).unwrap_or(""));
                    let Some(fp) = fks.iter().position(|f| f.2 == cols) else {
                        continue;
                    };
                    let (_, rt, lc, rc, upd, del) = fks.remove(fp);
                    let mut opts = vec![];
                    if del != "NO ACTION" {
                        opts.push(("ondelete", s(&del)));
                    }
                    if upd != "NO ACTION" {
                        opts.push(("onupdate", s(&upd)));
                    }
                    let name = constraint_name_before(&sql, at);
                    out.push(fk_dict(name, &lc, &rt, &rc, dict(opts)));
                }
                for (_, rt, lc, rc, _, _) in fks {
                    out.push(fk_dict(None, &lc, &rt, &rc, dict(vec![])));
                }
                Ok(Value::list(out))
            }
            "get_check_constraints" => {
                let mut out: Vec<(Option<String>, String)> = vec![];
                for line in sql.lines() {
                    let upper = line.to_ascii_uppercase();
                    let Some(at) = upper.find("CHECK") else {
                        continue;
                    };
                    let body = line[at + 5..].trim_start();
                    let Some(body) = body.strip_prefix('(') else {
                        continue;
                    };
                    let body = body.trim_end().trim_end_matches(',');
                    let body = body.trim_end().strip_suffix(')').unwrap_or(body).trim();
                    let name = upper[..at]
                        .find("CONSTRAINT ")
                        .map(|c| line[c + 11..at].trim().trim_matches('"').to_string());
                    out.push((name, body.to_string()));
                }
                crate::core::sort::sort_by(&mut out, |a, b| {
                    let k = |x: &Option<String>| x.clone().unwrap_or_else(|| "~".into());
                    k(&a.0).cmp(&k(&b.0))
                });
                Ok(Value::list(
                    out.into_iter()
                        .map(|(n, t)| {
                            dict(vec![
                                ("sqltext", s(&t)),
                                ("name", n.map_or(Value::None, |n| s(&n))),
                            ])
                        })
                        .collect(),
                ))
            }
            _ => self.no_attr("Inspector", name),
        }
    }
}

/// A foreign key as `PRAGMA foreign_key_list` gives it: (id, referred table, local columns,
/// referred columns, ON UPDATE, ON DELETE).
type PragmaFk = (i64, String, Vec<String>, Vec<String>, String, String);

fn fk_dict(name: Option<String>, lc: &[String], rt: &str, rc: &[String], opts: Value) -> Value {
    dict(vec![
        ("name", name.map_or(Value::None, |n| s(&n))),
        ("constrained_columns", strs(lc)),
        ("referred_schema", Value::None),
        ("referred_table", s(rt)),
        ("referred_columns", strs(rc)),
        ("options", opts),
    ])
}

/// The UNIQUE constraints written in a CREATE TABLE: table-level `UNIQUE (a, b)` clauses
/// (with their `CONSTRAINT name`) first, then column-level `col TYPE UNIQUE`, in text order.
fn unique_clauses(sql: &str) -> Vec<(Option<String>, Vec<String>)> {
    let upper = sql.to_ascii_uppercase();
    let mut table_level = vec![];
    let mut inline = vec![];
    let mut from = 0;
    while let Some(p) = upper[from..].find("UNIQUE") {
        let at = from + p;
        from = at + 6;
        let after = sql[from..].trim_start();
        if after.starts_with('(') {
            let open = sql.len() - after.len();
            let cols = cols_in_sig(paren_body(sql, open).unwrap_or(""));
            table_level.push((constraint_name_before(sql, at), cols));
        } else {
            // The column definition this UNIQUE ends: from the last `(` or `,` before it.
            let start = sql[..at].rfind([',', '(']).map_or(0, |i| i + 1);
            if let Some(col) = cols_in_sig(&sql[start..at]).into_iter().next() {
                inline.push((None, vec![col]));
            }
        }
    }
    table_level.extend(inline);
    table_level
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reflected_types_follow_sqlite_affinity() {
        let r = |d: &str| reflected_type(d);
        assert_eq!(
            r("VARCHAR(50)"),
            ("VARCHAR(length=50)".into(), "VARCHAR(50)".into())
        );
        assert_eq!(
            r("NUMERIC(5, 2)"),
            (
                "NUMERIC(precision=5, scale=2)".into(),
                "NUMERIC(5, 2)".into()
            )
        );
        assert_eq!(r("INTEGER"), ("INTEGER()".into(), "INTEGER".into()));
        assert_eq!(r("bigint unsigned"), ("INTEGER()".into(), "INTEGER".into()));
        assert_eq!(r(""), ("NullType()".into(), "NULL".into()));
        assert_eq!(r("STRING"), ("NUMERIC()".into(), "NUMERIC".into()));
    }

    #[test]
    fn unique_clauses_table_level_then_inline() {
        let sql =
            "CREATE TABLE t (a INTEGER UNIQUE, b TEXT, c TEXT, CONSTRAINT uq UNIQUE (b, \"c\"))";
        assert_eq!(
            unique_clauses(sql),
            vec![
                (Some("uq".into()), vec!["b".into(), "c".into()]),
                (None, vec!["a".into()])
            ]
        );
    }
}
