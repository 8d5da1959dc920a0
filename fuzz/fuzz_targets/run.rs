//! Fuzz target: arbitrary bytes (lossy UTF-8) parsed and run by the interpreter against a real
//! in-memory SQLite database, with a step budget. Nothing may panic; every failure must be a
//! Python exception or a diagnostic, with positions inside the source.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ormlab::core::interp::{RunOptions, Source, run};
use ormlab::db::Database;

/// A prefix that makes the ORM paths reachable: a model and a table.
const PRELUDE: &str = "class User(db.Model):\n    id = db.Column(db.Integer, primary_key=True)\n    name = db.Column(db.String(20), unique=True)\ndb.create_all()\n";

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    let Ok(db) = Database::open_in_memory() else { return };
    let opts = RunOptions { max_steps: 20_000, ..Default::default() };
    let mut backend = db.script_backend();
    let out = run(&[Source::new("models.py", PRELUDE), Source::new("script.py", &src)], &mut backend, opts);
    if let Some(e) = &out.error {
        let len = if e.source == 0 { PRELUDE.len() } else { src.len() };
        assert!(e.span.start <= e.span.end && e.span.end <= len, "bad span {e:?}");
        assert!(e.line >= 1 && e.col >= 1, "bad position {e:?}");
    }
});
