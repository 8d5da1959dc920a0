//! Reading the live schema (for completion and the schema panel).

/// A table or view and its columns.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct TableInfo {
    /// Table name.
    pub name: String,
    /// `table` or `view`.
    pub kind: String,
    /// Columns in declaration order.
    pub columns: Vec<ColumnInfo>,
}

/// A column of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(test, derive(serde::Serialize, serde::Deserialize))]
pub struct ColumnInfo {
    /// Column name.
    pub name: String,
    /// Declared type (may be empty).
    pub decltype: String,
    /// Position in the primary key (0 when not part of it).
    pub pk: u32,
    /// Declared NOT NULL.
    pub not_null: bool,
}

crate::json::json_struct!(TableInfo {
    name,
    kind,
    columns
});
crate::json::json_struct!(ColumnInfo {
    name,
    decltype,
    pk,
    not_null
});

#[cfg(feature = "db")]
impl super::Database {
    /// Every user table and view with its columns, sorted by name.
    pub fn tables(&self) -> super::Result<Vec<TableInfo>> {
        let conn = self.connection();
        let mut stmt = conn.prepare(
            "SELECT name, type FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )?;
        let names = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut out = Vec::with_capacity(names.len());
        for (name, kind) in names {
            let mut cols =
                conn.prepare("SELECT name, type, pk, \"notnull\" FROM pragma_table_info(?)")?;
            let columns = cols
                .query_map([&name], |r| {
                    Ok(ColumnInfo {
                        name: r.get(0)?,
                        decltype: r.get(1)?,
                        pk: r.get(2)?,
                        not_null: r.get::<_, i64>(3)? != 0,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            out.push(TableInfo {
                name,
                kind,
                columns,
            });
        }
        Ok(out)
    }
}

#[cfg(all(test, feature = "db"))]
mod tests {
    use super::*;
    use crate::db::Database;

    #[test]
    fn lists_tables_and_columns() {
        let db = Database::open_in_memory().unwrap();
        db.execute_batch("create table b (x int not null); create table a (id integer primary key, y); create view v as select 1 as one")
            .unwrap();
        let t = db.tables().unwrap();
        assert_eq!(
            t.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
            ["a", "b", "v"]
        );
        assert_eq!(
            t[0].columns[0],
            ColumnInfo {
                name: "id".into(),
                decltype: "INTEGER".into(),
                pk: 1,
                not_null: false
            }
        );
        assert!(t[1].columns[0].not_null);
        assert_eq!(t[2].kind, "view");
    }
}
