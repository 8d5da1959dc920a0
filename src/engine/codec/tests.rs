//! The protocol codec against serde_json with serde's derives (the codec it replaced):
//! the same text out, the same values in, the same inputs rejected.

use super::super::protocol::*;
use crate::core::diag::Span;
use crate::db::{ColumnInfo, Param, ResultColumn, TableInfo, Value};
use crate::json::{self, RawJson};

fn requests() -> Vec<Request> {
    vec![
        Request::Open,
        Request::RunSql {
            sql: "select 1;\nselect 'é'".into(),
            range: Some((3, 9)),
            page: 500,
        },
        Request::RunSql {
            sql: String::new(),
            range: None,
            page: 0,
        },
        Request::FetchRows {
            result: 7,
            offset: 500,
            limit: 500,
        },
        Request::Exec {
            sql: "create table t (a)".into(),
        },
        Request::Query {
            sql: "select ?".into(),
            params: vec![
                Param(Value::Integer(-3)),
                Param(Value::Real(2.5)),
                Param(Value::Text("x\"y".into())),
                Param(Value::Null),
                Param(Value::Blob(vec![0, 255])),
            ],
        },
        Request::QueryMany {
            sql: "select ?".into(),
            params: vec![vec![Param(Value::Integer(1))], vec![]],
        },
        Request::RunMany {
            sql: "insert into t values (?)".into(),
            rows: vec![vec![Param(Value::Integer(i64::MAX))]],
        },
        Request::Export,
        Request::Import,
        Request::Schema,
        Request::RunScript {
            sources: vec![
                ("models.py".into(), "class A: pass\n".into()),
                ("script.py".into(), "print('\\t')".into()),
            ],
        },
        Request::Dump,
        Request::ImportJson {
            table: "users".into(),
            json: r#"[{"a":1}]"#.into(),
        },
        Request::ResultCsv { result: 2 },
        Request::QueryCsv {
            sql: "select 1".into(),
        },
    ]
}

fn error() -> EngineError {
    EngineError {
        message: "near \"selec\": syntax error".into(),
        span: Some(Span { start: 0, end: 5 }),
        line: 1,
        col: 1,
        hint: Some("check the keyword".into()),
        interrupted: false,
    }
}

fn table() -> TableInfo {
    TableInfo {
        name: "user".into(),
        kind: "table".into(),
        columns: vec![ColumnInfo {
            name: "id".into(),
            decltype: "INTEGER".into(),
            pk: 1,
            not_null: true,
        }],
    }
}

fn responses() -> Vec<Response> {
    vec![
        Response::Opened {
            sqlite_version: "3.53.0".into(),
            engine_version: "0.1.0".into(),
            can_interrupt: true,
        },
        Response::Ran {
            blocks: vec![
                Block {
                    span: Span { start: 0, end: 8 },
                    line: 1,
                    sql: "select 1".into(),
                    kind: BlockKind::Rows {
                        result: 3,
                        columns: vec![ResultColumn {
                            name: "1".into(),
                            decltype: String::new(),
                        }],
                        total: 1,
                        first: RawJson::new(r#"[[1],[2.5],["x"],[{"blob":"00"}]]"#.into()),
                    },
                    elapsed_ms: 0.123456789,
                },
                Block {
                    span: Span { start: 9, end: 20 },
                    line: 2,
                    sql: "delete from t".into(),
                    kind: BlockKind::Done {
                        changes: 4,
                        ddl: false,
                    },
                    elapsed_ms: 1e-7,
                },
                Block {
                    span: Span::default(),
                    line: 3,
                    sql: "selec".into(),
                    kind: BlockKind::Error(error()),
                    elapsed_ms: 12.0,
                },
            ],
            schema: Some(vec![table()]),
            elapsed_ms: 1234.5,
        },
        Response::Ran {
            blocks: vec![],
            schema: None,
            elapsed_ms: 0.0,
        },
        Response::Rows {
            rows: RawJson::new("[]".into()),
        },
        Response::Executed { changes: 2 },
        Response::QueryRows {
            columns: vec!["a".into(), "b".into()],
            rows: RawJson::new(r#"[[1,"x"]]"#.into()),
        },
        Response::QueryManyRows {
            results: RawJson::new("[[],[[1]]]".into()),
        },
        Response::RanMany { count: 100_000 },
        Response::Exported { size: 8192 },
        Response::Imported {
            schema: vec![table()],
        },
        Response::Schema { tables: vec![] },
        Response::ScriptRan(Box::new(ScriptOutcome {
            stdout: "<User 1>\n\u{1}".into(),
            stderr: "Warning: LegacyAPIWarning: ...".into(),
            errors: vec![ScriptError {
                source: 1,
                class: "NameError".into(),
                message: "name 'x' is not defined".into(),
                line: 2,
                col: 5,
                end_line: 2,
                end_col: 6,
                hint: None,
            }],
            sql_log: vec![LoggedStatement {
                sql: "SELECT user.id FROM user".into(),
                params: "()".into(),
                elapsed_ms: 0.05,
                note: Some("N+1".into()),
            }],
            tables: vec![PrintedTable {
                line: 4,
                title: "User.query.all()".into(),
                columns: vec!["id".into()],
                rows: vec![vec!["1".into()], vec![]],
            }],
            schema: vec![table()],
            elapsed_ms: 3.25,
        })),
        Response::ScriptRan(Box::default()),
        Response::Dumped {
            sql: "BEGIN;\nCOMMIT;\n".into(),
        },
        Response::ImportedJson {
            rows: 3,
            created: true,
        },
        Response::Csv {
            text: "a,b\r\n1,\"x,y\"\r\n".into(),
        },
        Response::Error { error: error() },
        Response::Error {
            error: EngineError::plain("interrupted"),
        },
    ]
}

#[test]
fn requests_are_written_as_serde_wrote_them_and_read_back() {
    for req in requests() {
        let text = json::to_string(&req);
        assert_eq!(text, serde_json::to_string(&req).unwrap());
        let back: Request = json::from_str(&text).unwrap();
        assert_eq!(format!("{back:?}"), format!("{req:?}"));
    }
}

#[test]
fn responses_are_written_as_serde_wrote_them_and_read_back() {
    for resp in responses() {
        let text = json::to_string(&resp);
        assert_eq!(text, serde_json::to_string(&resp).unwrap());
        let back: Response = json::from_str(&text).unwrap();
        assert_eq!(format!("{back:?}"), format!("{resp:?}"));
    }
}

/// What the JS API sends (`JSON.stringify` of `www/ormlab.js`'s objects), and variations
/// serde accepted or refused: both codecs agree on every one.
#[test]
fn requests_read_as_serde_read_them() {
    let texts = [
        r#"{"Open":null}"#,
        r#""Open""#,
        r#"{"Export":null}"#,
        r#" { "Schema" : null } "#,
        r#"{"Dump":null}"#,
        r#"{"Import":null}"#,
        r#"{"Exec":{"sql":"create table t (a, b)"}}"#,
        r#"{"Query":{"sql":"select ?","params":[1,1.0,-2.5e3,"x",null,true,{"blob":"00ff"}]}}"#,
        r#"{"Query":{"sql":"select ?","params":[18446744073709551615,-0,9223372036854775808]}}"#,
        r#"{"QueryMany":{"sql":"select ?","params":[[1],[9]]}}"#,
        r#"{"RunMany":{"sql":"insert into t values (?, ?)","rows":[[1,"x"],[2.5,null]]}}"#,
        r#"{"RunScript":{"sources":[["models.py","x = 1"],["script.py","print(x)"]]}}"#,
        r#"{"ImportJson":{"table":"t","json":"[{\"a\":1}]"}}"#,
        r#"{"QueryCsv":{"sql":"select 1"}}"#,
        r#"{"ResultCsv":{"result":1}}"#,
        r#"{"RunSql":{"sql":"select 1","range":null,"page":500}}"#,
        r#"{"RunSql":{"sql":"select 1","page":500}}"#,
        r#"{"RunSql":{"sql":"select 1","range":[0,8],"page":500,"extra":{"x":[1]}}}"#,
        r#"{"FetchRows":{"result":1,"offset":0,"limit":500}}"#,
        // Refused by both:
        r#"{"Open":{}}"#,
        r#""Exec""#,
        r#"{"Nope":null}"#,
        r#"{"Exec":{}}"#,
        r#"{"Exec":{"sql":1}}"#,
        r#"{"Exec":{"sql":"a","sql":"b"}}"#,
        r#"{"Exec":{"sql":"a"},"Open":null}"#,
        r#"{"Query":{"sql":"select ?","params":[[1]]}}"#,
        r#"{"Query":{"sql":"select ?","params":[{"nope":1}]}}"#,
        r#"{"Query":{"sql":"select ?","params":[{}]}}"#,
        r#"{"Query":{"sql":"select ?","params":[{"blob":"0"}]}}"#,
        r#"{"Query":{"sql":"select ?","params":[1e999]}}"#,
        r#"{"FetchRows":{"result":1.5,"offset":0,"limit":500}}"#,
        r#"{"FetchRows":{"result":-1,"offset":0,"limit":500}}"#,
        r#"{"FetchRows":{"result":4294967296,"offset":0,"limit":500}}"#,
        r#"{"RunSql":{"sql":"x","range":[1],"page":1}}"#,
        r#"{"RunSql":{"sql":"x","range":[1,2,3],"page":1}}"#,
        r#"{"RunScript":{"sources":[["a"]]}}"#,
        r#"{"Exec":{"sql":"a"}} x"#,
        r#"{"Exec":{"sql":"a"}"#,
        "",
        "[]",
    ];
    for text in texts {
        let ours = json::from_str::<Request>(text).map(|r| format!("{r:?}"));
        let theirs = serde_json::from_str::<Request>(text).map(|r| format!("{r:?}"));
        match (&ours, &theirs) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{text}"),
            (Err(_), Err(_)) => {}
            _ => panic!("{text}: ours {ours:?}, serde {theirs:?}"),
        }
    }
}

#[test]
fn malformed_requests_say_what_is_wrong() {
    let err = |text: &str| json::from_str::<Request>(text).unwrap_err().to_string();
    assert_eq!(
        err(r#"{"Exec":{}}"#),
        "missing field `sql` at line 1 column 11"
    );
    assert_eq!(
        err(r#"{"Nope":null}"#),
        "unknown variant `Nope` at line 1 column 9"
    );
    assert!(err(r#"{"Query":{"sql":"x","params":[[1]]}}"#).starts_with("expected a number"));
}
