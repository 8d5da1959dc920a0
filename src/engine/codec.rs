//! The protocol's JSON codec, written out by hand on [`crate::json`]: the same text
//! serde's derives made (externally tagged enums, fields in declaration order, `None`
//! as `null`; unit variants read from `"Open"` or `{"Open": null}`), without serde's
//! generic code in the wasm modules. `codec/tests.rs` checks it against serde_json.

use super::protocol::{
    Block, BlockKind, EngineError, LoggedStatement, PrintedTable, Request, Response, ScriptError,
    ScriptOutcome,
};
use crate::core::diag::Span;
use crate::db::Param;
use crate::json::{
    FromJson, JsonError, Reader, ShortestDigits, ToJson, json_struct, read_fields, shortest_digits,
    write_fields, write_variant,
};

json_struct!(Span { start, end });
json_struct!(Block {
    span,
    line,
    sql,
    kind,
    elapsed_ms
});
json_struct!(EngineError {
    message,
    span,
    line,
    col,
    hint,
    interrupted
});
json_struct!(ScriptOutcome {
    stdout,
    stderr,
    errors,
    sql_log,
    tables,
    schema,
    elapsed_ms
});
json_struct!(ScriptError {
    source,
    class,
    message,
    line,
    col,
    end_line,
    end_col,
    hint
});
json_struct!(LoggedStatement {
    sql,
    params,
    elapsed_ms,
    note
});
json_struct!(PrintedTable {
    line,
    title,
    columns,
    rows
});

impl ToJson for Param {
    fn to_json(&self, out: &mut String) {
        self.0.write_json(out);
    }
}

/// Parameters written with a REAL's digits from a given [`ShortestDigits`].
struct Params<'a>(&'a [Param], ShortestDigits);

impl ToJson for Params<'_> {
    fn to_json(&self, out: &mut String) {
        out.push('[');
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            p.0.write_json_with(out, self.1);
        }
        out.push(']');
    }
}

/// Rows of parameters (see [`Params`]).
struct ParamRows<'a>(&'a [Vec<Param>], ShortestDigits);

impl ToJson for ParamRows<'_> {
    fn to_json(&self, out: &mut String) {
        out.push('[');
        for (i, row) in self.0.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            Params(row, self.1).to_json(out);
        }
        out.push(']');
    }
}

/// A request's JSON text, REAL parameters written with `digits` (the page's UI passes
/// digits from JavaScript, so that its wasm carries no float formatting).
pub fn request_json(req: &Request, digits: ShortestDigits) -> String {
    let mut out = String::new();
    write_request(req, &mut out, digits);
    out
}

/// `"Name"`: a unit variant.
fn unit(out: &mut String, name: &str) {
    out.push('"');
    out.push_str(name);
    out.push('"');
}

impl ToJson for Request {
    fn to_json(&self, out: &mut String) {
        write_request(self, out, shortest_digits);
    }
}

fn write_request(req: &Request, out: &mut String, digits: ShortestDigits) {
    match req {
        Request::Open => unit(out, "Open"),
        Request::RunSql { sql, range, page } => write_variant(
            out,
            "RunSql",
            |out| write_fields!(out, { sql = sql, range = range, page = page }),
        ),
        Request::FetchRows {
            result,
            offset,
            limit,
        } => write_variant(
            out,
            "FetchRows",
            |out| write_fields!(out, { result = result, offset = offset, limit = limit }),
        ),
        Request::Exec { sql } => {
            write_variant(out, "Exec", |out| write_fields!(out, { sql = sql }))
        }
        Request::Query { sql, params } => write_variant(
            out,
            "Query",
            |out| write_fields!(out, { sql = sql, params = &Params(params, digits) }),
        ),
        Request::QueryMany { sql, params } => write_variant(
            out,
            "QueryMany",
            |out| write_fields!(out, { sql = sql, params = &ParamRows(params, digits) }),
        ),
        Request::RunMany { sql, rows } => write_variant(
            out,
            "RunMany",
            |out| write_fields!(out, { sql = sql, rows = &ParamRows(rows, digits) }),
        ),
        Request::Export => unit(out, "Export"),
        Request::Import => unit(out, "Import"),
        Request::Schema => unit(out, "Schema"),
        Request::RunScript { sources } => write_variant(out, "RunScript", |out| {
            write_fields!(out, { sources = sources })
        }),
        Request::Dump => unit(out, "Dump"),
        Request::ImportJson { table, json } => write_variant(
            out,
            "ImportJson",
            |out| write_fields!(out, { table = table, json = json }),
        ),
        Request::ResultCsv { result } => write_variant(out, "ResultCsv", |out| {
            write_fields!(out, { result = result })
        }),
        Request::QueryCsv { sql } => {
            write_variant(out, "QueryCsv", |out| write_fields!(out, { sql = sql }))
        }
    }
}

impl FromJson for Request {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        r.tagged(|r, name, body| {
            // A unit variant's body is absent or `null`; a struct variant's is an object.
            let unit = |r: &mut Reader<'_>, v: Request| r.unit(body).map(|()| v);
            match name {
                "Open" => unit(r, Request::Open),
                "RunSql" => read_fields!(r, Request::RunSql { sql, range, page }),
                "FetchRows" => read_fields!(
                    r,
                    Request::FetchRows {
                        result,
                        offset,
                        limit
                    }
                ),
                "Exec" => read_fields!(r, Request::Exec { sql }),
                "Query" => read_fields!(r, Request::Query { sql, params }),
                "QueryMany" => read_fields!(r, Request::QueryMany { sql, params }),
                "RunMany" => read_fields!(r, Request::RunMany { sql, rows }),
                "Export" => unit(r, Request::Export),
                "Import" => unit(r, Request::Import),
                "Schema" => unit(r, Request::Schema),
                "RunScript" => read_fields!(r, Request::RunScript { sources }),
                "Dump" => unit(r, Request::Dump),
                "ImportJson" => read_fields!(r, Request::ImportJson { table, json }),
                "ResultCsv" => read_fields!(r, Request::ResultCsv { result }),
                "QueryCsv" => read_fields!(r, Request::QueryCsv { sql }),
                other => Err(r.unknown_variant(other)),
            }
        })
    }
}

impl ToJson for Response {
    fn to_json(&self, out: &mut String) {
        match self {
            Response::Opened {
                sqlite_version,
                engine_version,
                can_interrupt,
            } => write_variant(out, "Opened", |out| {
                write_fields!(out, {
                    sqlite_version = sqlite_version,
                    engine_version = engine_version,
                    can_interrupt = can_interrupt,
                })
            }),
            Response::Ran {
                blocks,
                schema,
                elapsed_ms,
            } => write_variant(
                out,
                "Ran",
                |out| write_fields!(out, { blocks = blocks, schema = schema, elapsed_ms = elapsed_ms }),
            ),
            Response::Rows { rows } => {
                write_variant(out, "Rows", |out| write_fields!(out, { rows = rows }))
            }
            Response::Executed { changes } => write_variant(out, "Executed", |out| {
                write_fields!(out, { changes = changes })
            }),
            Response::QueryRows { columns, rows } => write_variant(
                out,
                "QueryRows",
                |out| write_fields!(out, { columns = columns, rows = rows }),
            ),
            Response::QueryManyRows { results } => write_variant(out, "QueryManyRows", |out| {
                write_fields!(out, { results = results })
            }),
            Response::RanMany { count } => {
                write_variant(out, "RanMany", |out| write_fields!(out, { count = count }))
            }
            Response::Exported { size } => {
                write_variant(out, "Exported", |out| write_fields!(out, { size = size }))
            }
            Response::Imported { schema } => write_variant(out, "Imported", |out| {
                write_fields!(out, { schema = schema })
            }),
            Response::Schema { tables } => {
                write_variant(out, "Schema", |out| write_fields!(out, { tables = tables }))
            }
            Response::ScriptRan(outcome) => {
                write_variant(out, "ScriptRan", |out| outcome.to_json(out))
            }
            Response::Dumped { sql } => {
                write_variant(out, "Dumped", |out| write_fields!(out, { sql = sql }))
            }
            Response::ImportedJson { rows, created } => write_variant(
                out,
                "ImportedJson",
                |out| write_fields!(out, { rows = rows, created = created }),
            ),
            Response::Csv { text } => {
                write_variant(out, "Csv", |out| write_fields!(out, { text = text }))
            }
            Response::Error { error } => {
                write_variant(out, "Error", |out| write_fields!(out, { error = error }))
            }
        }
    }
}

impl FromJson for Response {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        r.tagged(|r, name, body| {
            if !body {
                return Err(r.unknown_variant(name));
            }
            match name {
                "Opened" => read_fields!(
                    r,
                    Response::Opened {
                        sqlite_version,
                        engine_version,
                        can_interrupt
                    }
                ),
                "Ran" => read_fields!(
                    r,
                    Response::Ran {
                        blocks,
                        schema,
                        elapsed_ms
                    }
                ),
                "Rows" => read_fields!(r, Response::Rows { rows }),
                "Executed" => read_fields!(r, Response::Executed { changes }),
                "QueryRows" => read_fields!(r, Response::QueryRows { columns, rows }),
                "QueryManyRows" => read_fields!(r, Response::QueryManyRows { results }),
                "RanMany" => read_fields!(r, Response::RanMany { count }),
                "Exported" => read_fields!(r, Response::Exported { size }),
                "Imported" => read_fields!(r, Response::Imported { schema }),
                "Schema" => read_fields!(r, Response::Schema { tables }),
                "ScriptRan" => FromJson::from_json(r).map(Response::ScriptRan),
                "Dumped" => read_fields!(r, Response::Dumped { sql }),
                "ImportedJson" => read_fields!(r, Response::ImportedJson { rows, created }),
                "Csv" => read_fields!(r, Response::Csv { text }),
                "Error" => read_fields!(r, Response::Error { error }),
                other => Err(r.unknown_variant(other)),
            }
        })
    }
}

impl ToJson for BlockKind {
    fn to_json(&self, out: &mut String) {
        match self {
            BlockKind::Rows {
                result,
                columns,
                total,
                first,
            } => write_variant(out, "Rows", |out| {
                write_fields!(out, {
                    result = result,
                    columns = columns,
                    total = total,
                    first = first,
                })
            }),
            BlockKind::Done { changes, ddl } => write_variant(
                out,
                "Done",
                |out| write_fields!(out, { changes = changes, ddl = ddl }),
            ),
            BlockKind::Error(error) => write_variant(out, "Error", |out| error.to_json(out)),
        }
    }
}

impl FromJson for BlockKind {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        r.tagged(|r, name, body| match (name, body) {
            ("Rows", true) => read_fields!(
                r,
                BlockKind::Rows {
                    result,
                    columns,
                    total,
                    first
                }
            ),
            ("Done", true) => read_fields!(r, BlockKind::Done { changes, ddl }),
            ("Error", true) => FromJson::from_json(r).map(BlockKind::Error),
            (other, _) => Err(r.unknown_variant(other)),
        })
    }
}

#[cfg(test)]
mod tests;
