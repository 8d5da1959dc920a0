//! `create_all` / `drop_all`: the DDL for the tables that are (not) there yet, run and logged.

use super::*;

impl Interp<'_> {
    pub(crate) fn existing_tables(&mut self) -> Vec<String> {
        match self
            .backend
            .execute("SELECT name FROM sqlite_master WHERE type='table'", &[])
        {
            Ok(r) => r
                .rows
                .iter()
                .filter_map(|r| {
                    if let Some(SqlValue::Text(s)) = r.first() {
                        Some(s.to_string())
                    } else {
                        None
                    }
                })
                .collect(),
            Err(_) => vec![],
        }
    }

    pub(crate) fn run_ddl(&mut self, stmts: Vec<Statement>) -> R<()> {
        // `create_all()` / `drop_all()` run on a connection of their own (SQLAlchemy logs its
        // BEGIN and COMMIT whatever the session is doing); with Flask-SQLAlchemy's one
        // in-memory connection, that COMMIT also commits what the session has sent.
        let marker = |it: &mut Self, sql: &str| {
            it.sql_log.push(super::super::super::LogEntry {
                sql: sql.into(),
                params: super::super::super::LogParams::Text(String::new()),
                elapsed_ms: 0.0,
                rows: 0,
            });
        };
        marker(self, "BEGIN (implicit)");
        for s in &stmts {
            self.run_stmt(s, false)?;
        }
        marker(self, "COMMIT");
        if self.orm.sqlite_tx {
            self.orm.sqlite_tx = false;
            let _ = self.backend.execute("COMMIT", &[]);
        }
        Ok(())
    }
}
