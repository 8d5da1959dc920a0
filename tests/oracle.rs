//! Scripts of `tests/oracle/` (expected output produced by the real Flask-SQLAlchemy) run
//! through the interpreter: stdout must match byte for byte.

#![cfg(not(target_arch = "wasm32"))]

use ormlab::core::interp::{RunOptions, Source, run};
use ormlab::db::Database;

fn check(name: &str) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/oracle/");
    let script = std::fs::read_to_string(format!("{dir}{name}.py")).expect("script");
    let expected = std::fs::read_to_string(format!("{dir}{name}.out")).expect("expected output");
    let mut db = Database::open_in_memory().expect("db");
    let out = run(
        &[Source::new(&format!("{name}.py"), &script)],
        &mut db,
        RunOptions::default(),
    );
    assert_eq!(
        out.stdout, expected,
        "{name}: stdout differs from the real library's"
    );
}

#[test]
fn str_of_select_uses_the_default_dialect() {
    check("str_select");
}

#[test]
fn failing_grouped_inserts_report_like_sqlalchemy() {
    check("integrity_params");
}

#[test]
fn none_lets_defaults_apply_and_json_none_is_null() {
    check("none_defaults_json");
}

#[test]
fn plain_strings_in_execute_are_refused_like_sqlalchemy() {
    check("text_coercion");
}

#[test]
fn generator_expressions_are_one_pass_generators() {
    check("generators");
}

#[test]
fn sets_iterate_in_cpython_table_order() {
    check("set_order");
}
