//! The engine on wasm32, in headless Chromium, inside a dedicated worker — where it
//! runs in the app (`cargo test --target wasm32-unknown-unknown --test wasm_engine`).
#![cfg(target_arch = "wasm32")]

use ormlab::db::{Database, DbError, Outcome, Value};
use ormlab::engine::{BlockKind, Engine, Request, Response};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

/// A fresh engine, with the hooks the worker installs at start.
fn engine() -> Engine {
    ormlab::web::install_core_hooks();
    Engine::new().unwrap()
}

fn ran(resp: Response) -> Vec<ormlab::engine::Block> {
    match resp {
        Response::Ran { blocks, .. } => blocks,
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
fn opens_and_reports_the_sqlite_version() {
    let mut e = engine();
    match e.handle(Request::Open, None).0 {
        Response::Opened { sqlite_version, .. } => assert!(sqlite_version.starts_with("3.")),
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
fn executes_statements_and_returns_rows() {
    let mut e = engine();
    let sql = "create table t (id integer primary key, name text);\ninsert into t (name) values ('a'), (NULL), ('NULL');\nselect * from t order by id;";
    let blocks = ran(e
        .handle(
            Request::RunSql {
                sql: sql.into(),
                range: None,
                page: 100,
            },
            None,
        )
        .0);
    assert_eq!(blocks.len(), 3);
    match &blocks[2].kind {
        BlockKind::Rows {
            total,
            first,
            columns,
            ..
        } => {
            assert_eq!(*total, 3);
            assert!(columns[1].decltype.eq_ignore_ascii_case("text"));
            assert_eq!(first.get(), r#"[[1,"a"],[2,null],[3,"NULL"]]"#);
        }
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
fn error_offsets_become_line_and_column() {
    let mut e = engine();
    let blocks = ran(e
        .handle(
            Request::RunSql {
                sql: "select 1;\nselect nope from sqlite_master;".into(),
                range: None,
                page: 10,
            },
            None,
        )
        .0);
    match &blocks[1].kind {
        BlockKind::Error(err) => {
            assert_eq!(err.message, "no such column: nope");
            assert_eq!((err.line, err.col), (2, 8));
        }
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
fn an_endless_query_is_cancelled_and_the_engine_stays_usable() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let mut db = Database::open_in_memory().unwrap();
    let calls = Arc::new(AtomicUsize::new(0));
    let c = calls.clone();
    db.set_interrupt_check(Arc::new(move || c.fetch_add(1, Ordering::SeqCst) >= 100));
    db.execute_batch("create table kept (x); insert into kept values (1);")
        .unwrap();
    let r = db.run(
        "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c",
        &[],
    );
    assert_eq!(r, Err(DbError::Interrupted));
    calls.store(0, Ordering::SeqCst);
    match db.run("select x from kept", &[]).unwrap() {
        Outcome::Rows { rows, .. } => assert_eq!(rows, vec![vec![Value::Integer(1)]]),
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
fn export_and_import_round_trip() {
    let mut e = engine();
    ran(e
        .handle(
            Request::RunSql {
                sql: "create table t (x); insert into t values (7);".into(),
                range: None,
                page: 10,
            },
            None,
        )
        .0);
    let (_, bytes) = e.handle(Request::Export, None);
    let bytes = bytes.expect("bytes");
    assert!(bytes.starts_with(b"SQLite format 3\0"));
    let mut f = engine();
    assert!(matches!(
        f.handle(Request::Import, Some(bytes)).0,
        Response::Imported { .. }
    ));
    let blocks = ran(f
        .handle(
            Request::RunSql {
                sql: "select x from t".into(),
                range: None,
                page: 10,
            },
            None,
        )
        .0);
    match &blocks[0].kind {
        BlockKind::Rows { first, .. } => assert_eq!(first.get(), "[[7]]"),
        other => panic!("{other:?}"),
    }
}
