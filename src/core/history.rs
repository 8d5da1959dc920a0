//! Run history as data: one record per run of the SQL console or of models + script,
//! and the small pure rules around it (how many are kept, which code is kept, what
//! an entry shows). The browser side (IndexedDB, the panel) is `web::history` and
//! `web::history_view`.

/// How many runs each workspace keeps; older ones are pruned when a run is appended.
pub const HISTORY_LIMIT: u32 = 200;

/// The largest code (in bytes, all editors of the run together) a record keeps.
/// A bigger run (a pasted dump) is still listed, just without its code, so 200
/// records stay a few megabytes at most (the view reads them all on each refresh).
pub const MAX_CODE_BYTES: usize = 64 * 1024;

/// What ran, kept so that the run can be restored into its editors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunCode {
    /// The SQL console's text.
    Sql {
        /// The SQL editor's whole text (not only the statement at the cursor).
        sql: String,
    },
    /// The Python editors' texts.
    Script {
        /// `models.py`.
        models: String,
        /// `script.py`.
        script: String,
    },
}

impl RunCode {
    /// `sql` or `script`, the record's `kind`.
    pub fn kind(&self) -> &'static str {
        match self {
            RunCode::Sql { .. } => "sql",
            RunCode::Script { .. } => "script",
        }
    }

    /// Bytes of code kept.
    pub fn len(&self) -> usize {
        match self {
            RunCode::Sql { sql } => sql.len(),
            RunCode::Script { models, script } => models.len() + script.len(),
        }
    }

    /// True when there is no code at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The code worth keeping in a record: `None` above [`MAX_CODE_BYTES`].
    pub fn keep(self) -> Option<RunCode> {
        (self.len() <= MAX_CODE_BYTES).then_some(self)
    }

    /// One line that identifies the run: the first line of SQL, or of `script.py`
    /// that is not blank, a comment or an import (whitespace collapsed, cut at
    /// [`PREVIEW_CHARS`] characters).
    pub fn preview(&self) -> String {
        match self {
            RunCode::Sql { sql } => first_line(sql, &["--"]),
            RunCode::Script { script, .. } => first_line(script, &["#", "import ", "from "]),
        }
    }
}

/// The longest preview line, in characters.
pub const PREVIEW_CHARS: usize = 120;

fn first_line(text: &str, skip: &[&str]) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !skip.iter().any(|s| l.starts_with(s)))
        .unwrap_or_default();
    let words = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if words.chars().count() <= PREVIEW_CHARS {
        words
    } else {
        let cut: String = words.chars().take(PREVIEW_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// One run as stored in the workspace store's `history` object store.
#[derive(Clone, Debug, PartialEq)]
pub struct RunRecord {
    /// `sql` or `script` (other values are shown as they are).
    pub kind: String,
    /// One line: statements and time, plus the first error.
    pub summary: String,
    /// True when the run ended without an error.
    pub ok: bool,
    /// When it ran (ms since the epoch).
    pub at: f64,
    /// What ran; `None` for records written before the code was kept, or too big.
    pub code: Option<RunCode>,
}

impl RunRecord {
    /// The kind for people: `SQL` or `script`.
    pub fn kind_label(&self) -> &str {
        match self.kind.as_str() {
            "sql" => "SQL",
            "script" => "script",
            other => other,
        }
    }

    /// The summary as the history lists it: without the status bar's `last run: `
    /// (kept by records written before the history was shown) and, next to the
    /// kind, without a leading `script, `.
    pub fn summary_line(&self) -> &str {
        let s = self.summary.as_str();
        let s = s.strip_prefix("last run: ").unwrap_or(s);
        s.strip_prefix("script, ").unwrap_or(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previews_skip_noise() {
        let sql = RunCode::Sql {
            sql: "-- users\n\n  select *\tfrom   users;\nselect 2;".into(),
        };
        assert_eq!(sql.preview(), "select * from users;");
        let py = RunCode::Script {
            models: "class User(db.Model): ...".into(),
            script: "# demo\nfrom x import y\nimport z\n\nwith app.app_context():\n    pass".into(),
        };
        assert_eq!(py.preview(), "with app.app_context():");
        assert_eq!(RunCode::Sql { sql: "  \n".into() }.preview(), "");
        let long = RunCode::Sql {
            sql: "x".repeat(500),
        };
        assert_eq!(long.preview().chars().count(), PREVIEW_CHARS);
        assert!(long.preview().ends_with('…'));
    }

    #[test]
    fn big_code_is_not_kept() {
        let small = RunCode::Script {
            models: "a".into(),
            script: "b".into(),
        };
        assert_eq!(small.len(), 2);
        assert_eq!(small.kind(), "script");
        assert!(small.clone().keep().is_some());
        let big = RunCode::Sql {
            sql: "x".repeat(MAX_CODE_BYTES + 1),
        };
        assert!(big.keep().is_none());
    }

    #[test]
    fn old_summaries_read_the_same() {
        let mut r = RunRecord {
            kind: "sql".into(),
            summary: "last run: 1 statement in 0.2 ms".into(),
            ok: true,
            at: 0.0,
            code: None,
        };
        assert_eq!(r.summary_line(), "1 statement in 0.2 ms");
        assert_eq!(r.kind_label(), "SQL");
        r.summary = "last run: script, 2 SQL statements in 1.0 ms".into();
        assert_eq!(r.summary_line(), "2 SQL statements in 1.0 ms");
        r.kind = "other".into();
        assert_eq!(r.kind_label(), "other");
    }
}
