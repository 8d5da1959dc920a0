//! The catalogue of bad inputs: each script must fail with CPython's / SQLAlchemy's exception
//! class and message (taken from the real libraries by `oracle.py`) at the given line:col.

#![cfg(not(target_arch = "wasm32"))]

#[path = "bad_inputs/cases.rs"]
mod bad_inputs_cases;

use ormlab::core::interp::{RunOptions, Source, run};
use ormlab::db::Database;

fn run_one(src: &str) -> (String, u32, u32) {
    let db = Database::open_in_memory().expect("db");
    let out = run(
        &[Source::new("script.py", src)],
        &mut db.script_backend(),
        RunOptions {
            max_steps: 5_000_000,
            ..Default::default()
        },
    );
    if let Some((_, d)) = out.diagnostics.first() {
        return (format!("SyntaxError: {}", d.message), 0, 0);
    }
    match out.error {
        Some(e) => {
            let first = e.message.lines().next().unwrap_or("").to_string();
            let text = if first.is_empty() {
                e.class.clone()
            } else {
                format!("{}: {first}", e.class)
            };
            (text, e.line, e.col)
        }
        None => ("no error".into(), 0, 0),
    }
}

#[test]
fn bad_inputs_report_python_errors_with_positions() {
    let mut failures = vec![];
    for (src, want, line, col) in bad_inputs_cases::CASES {
        let src = src.replace("\\n", "\n") + "\n";
        let got = run_one(&src);
        if (got.0.as_str(), got.1, got.2) != (*want, *line, *col) {
            failures.push(format!(
                "{src:?}\n  want {want} at {line}:{col}\n  got  {} at {}:{}",
                got.0, got.1, got.2
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(bad_inputs_cases::CASES.len() >= 60);
}

#[test]
fn syntax_errors_are_diagnostics_and_nothing_runs() {
    let db = Database::open_in_memory().expect("db");
    let out = run(
        &[
            Source::new("models.py", "print('ran')\n"),
            Source::new("script.py", "x = (1,\nprint(x)\n"),
        ],
        &mut db.script_backend(),
        RunOptions::default(),
    );
    assert_eq!(out.stdout, "");
    assert_eq!(out.diagnostics.len(), 1);
    assert_eq!(out.diagnostics[0].0, 1);
}

#[test]
fn unsupported_python_says_so() {
    for (src, what) in [
        ("async def f():\n    pass\n", "async"),
        ("def g():\n    yield 1\n", "yield"),
    ] {
        let db = Database::open_in_memory().expect("db");
        let out = run(
            &[Source::new("script.py", src)],
            &mut db.script_backend(),
            RunOptions::default(),
        );
        let msg = out
            .diagnostics
            .first()
            .map(|d| d.1.message.clone())
            .or(out.error.map(|e| e.message))
            .unwrap_or_default();
        assert!(msg.contains("not supported in ormlab"), "{what}: {msg}");
    }
}

#[test]
fn endless_loops_stop_at_the_step_budget() {
    let db = Database::open_in_memory().expect("db");
    let out = run(
        &[Source::new("script.py", "i = 0\nwhile True:\n    i += 1\n")],
        &mut db.script_backend(),
        RunOptions {
            max_steps: 10_000,
            ..Default::default()
        },
    );
    assert_eq!(out.error.map(|e| e.class), Some("KeyboardInterrupt".into()));
}
