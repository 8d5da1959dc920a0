use super::*;

fn run(engine: &mut Engine, sql: &str) -> Vec<Block> {
    match engine
        .handle(
            Request::RunSql {
                sql: sql.into(),
                range: None,
                page: 2,
            },
            None,
        )
        .0
    {
        Response::Ran { blocks, .. } => blocks,
        other => panic!("{other:?}"),
    }
}

#[test]
fn runs_each_statement_into_its_own_block() {
    let mut e = Engine::new().unwrap();
    let blocks = run(
        &mut e,
        "create table t (x);\ninsert into t values (1), (2), (3);\nselect x from t;",
    );
    assert_eq!(blocks.len(), 3);
    assert!(matches!(blocks[0].kind, BlockKind::Done { ddl: true, .. }));
    assert!(matches!(
        blocks[1].kind,
        BlockKind::Done {
            changes: 3,
            ddl: false
        }
    ));
    match &blocks[2].kind {
        BlockKind::Rows {
            result,
            total,
            first,
            ..
        } => {
            assert_eq!(*total, 3);
            assert_eq!(first.get(), "[[1],[2]]");
            match e
                .handle(
                    Request::FetchRows {
                        result: *result,
                        offset: 2,
                        limit: 10,
                    },
                    None,
                )
                .0
            {
                Response::Rows { rows } => assert_eq!(rows.get(), "[[3]]"),
                other => panic!("{other:?}"),
            }
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(blocks[2].line, 3);
}

#[test]
fn errors_point_at_line_and_column_and_stop_the_run() {
    let mut e = Engine::new().unwrap();
    let blocks = run(&mut e, "select 1;\n\n  select * frm x;\nselect 2;");
    assert_eq!(blocks.len(), 2);
    match &blocks[1].kind {
        BlockKind::Error(err) => {
            assert_eq!(err.message, "near \"frm\": syntax error");
            assert_eq!((err.line, err.col), (3, 12));
            assert!(err.hint.is_some());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn range_runs_only_the_selection_with_whole_text_positions() {
    let mut e = Engine::new().unwrap();
    let sql = "select 1;\nselect nope;";
    let blocks = match e
        .handle(
            Request::RunSql {
                sql: sql.into(),
                range: Some((10, 22)),
                page: 10,
            },
            None,
        )
        .0
    {
        Response::Ran { blocks, .. } => blocks,
        other => panic!("{other:?}"),
    };
    assert_eq!(blocks.len(), 1);
    match &blocks[0].kind {
        BlockKind::Error(err) => assert_eq!(
            (err.line, err.col, err.message.as_str()),
            (2, 8, "no such column: nope")
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn js_api_requests_round_trip_through_json() {
    let mut e = Engine::new().unwrap();
    let send = |e: &mut Engine, json: &str| {
        let req: Request = crate::json::from_str(json).unwrap();
        crate::json::to_string(&e.handle(req, None).0)
    };
    assert_eq!(
        send(&mut e, r#"{"Exec":{"sql":"create table t (a, b)"}}"#),
        r#"{"Executed":{"changes":0}}"#
    );
    assert_eq!(
        send(
            &mut e,
            r#"{"RunMany":{"sql":"insert into t values (?, ?)","rows":[[1,"x"],[2.5,null],[true,{"blob":"00ff"}]]}}"#
        ),
        r#"{"RanMany":{"count":3}}"#
    );
    assert_eq!(
        send(
            &mut e,
            r#"{"Query":{"sql":"select a, b from t where a > ?","params":[0]}}"#
        ),
        r#"{"QueryRows":{"columns":["a","b"],"rows":[[1,"x"],[2.5,null],[1,{"blob":"00ff"}]]}}"#
    );
    assert_eq!(
        send(
            &mut e,
            r#"{"QueryMany":{"sql":"select b from t where a = ?","params":[[1],[9]]}}"#
        ),
        r#"{"QueryManyRows":{"results":[[["x"],[{"blob":"00ff"}]],[]]}}"#
    );
    let err = send(
        &mut e,
        r#"{"Query":{"sql":"select * from nope","params":[]}}"#,
    );
    assert!(err.contains("no such table: nope"), "{err}");
}

#[test]
fn export_then_import_restores_the_data() {
    let mut e = Engine::new().unwrap();
    run(&mut e, "create table t (x); insert into t values (42);");
    let (resp, bytes) = e.handle(Request::Export, None);
    assert!(matches!(resp, Response::Exported { .. }));
    let mut f = Engine::new().unwrap();
    match f.handle(Request::Import, bytes).0 {
        Response::Imported { schema } => assert_eq!(schema[0].name, "t"),
        other => panic!("{other:?}"),
    }
    let blocks = run(&mut f, "select x from t");
    match &blocks[0].kind {
        BlockKind::Rows { first, .. } => assert_eq!(first.get(), "[[42]]"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn stale_result_ids_are_an_error_not_a_panic() {
    let mut e = Engine::new().unwrap();
    run(&mut e, "select 1");
    run(&mut e, "select 2");
    assert!(matches!(
        e.handle(
            Request::FetchRows {
                result: 0,
                offset: 0,
                limit: 5
            },
            None
        )
        .0,
        Response::Error { .. }
    ));
    assert!(matches!(
        e.handle(
            Request::FetchRows {
                result: 1,
                offset: usize::MAX,
                limit: usize::MAX
            },
            None
        )
        .0,
        Response::Rows { .. }
    ));
}
