//! The run history in the workspace store (`ormlab-workspace`, object store
//! `history`): every run of the SQL console or of models + script is appended, the
//! newest [`HISTORY_LIMIT`] per workspace are kept. The panel that shows it is
//! `web::history_view`; the pure rules are `core::history`.
//!
//! A record's key is `[workspace, at, seq]` (`seq` orders runs within one
//! millisecond), so a workspace's runs are one key range, oldest first. Its value:
//!
//! - `kind`: `"sql"` or `"script"`;
//! - `summary`: one line (statements and time, then the first error if any);
//! - `ok`: `true` when the run ended without an error;
//! - `at`: when it ran, ms since the epoch;
//! - `sql` (SQL runs): the SQL editor's whole text;
//! - `models`, `script` (script runs): the texts of `models.py` and `script.py`.
//!
//! The code fields are missing in records written before ormlab kept them (and in
//! runs above [`crate::core::history::MAX_CODE_BYTES`]): those are listed but
//! cannot be restored.

use crate::core::history::{HISTORY_LIMIT, RunCode, RunRecord};
use crate::web::idb::{self, committed, done};
use crate::web::workspace::{current, open};
use js_sys::{Array, Object, Reflect};
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use web_sys::{IdbKeyRange, IdbTransactionMode};

const HISTORY: &str = "history";

thread_local! {
    static RUN_SEQ: Cell<u32> = const { Cell::new(0) };
}

fn err(e: JsValue) -> String {
    idb::message(&e)
}

fn set(rec: &Object, key: &str, v: &JsValue) {
    let _ = Reflect::set(rec, &key.into(), v);
}

fn get(rec: &JsValue, key: &str) -> JsValue {
    Reflect::get(rec, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Every key of `workspace`: `[ws] < [ws, at, seq] < [ws, []]` in IndexedDB order.
fn range(workspace: &str) -> Result<IdbKeyRange, String> {
    IdbKeyRange::bound(
        &lower(workspace),
        &Array::of2(&workspace.into(), &Array::new()),
    )
    .map_err(err)
}

fn lower(workspace: &str) -> JsValue {
    Array::of1(&workspace.into()).into()
}

/// Appends one run to `workspace`'s history and, in the same readwrite
/// transaction, deletes its oldest runs beyond [`HISTORY_LIMIT`]. Resolves once
/// the transaction has committed.
pub async fn record_run(
    workspace: &str,
    kind: &str,
    summary: &str,
    ok: bool,
    code: Option<&RunCode>,
) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(HISTORY, IdbTransactionMode::Readwrite)
        .map_err(err)?;
    let store = tx.object_store(HISTORY).map_err(err)?;
    let now = js_sys::Date::now();
    let seq = RUN_SEQ.with(|s| {
        s.set(s.get().wrapping_add(1));
        s.get()
    });
    let rec = Object::new();
    set(&rec, "kind", &kind.into());
    set(&rec, "summary", &summary.into());
    set(&rec, "ok", &ok.into());
    set(&rec, "at", &now.into());
    match code {
        Some(RunCode::Sql { sql }) => set(&rec, "sql", &sql.into()),
        Some(RunCode::Script { models, script }) => {
            set(&rec, "models", &models.into());
            set(&rec, "script", &script.into());
        }
        None => {}
    }
    let key = Array::of3(&workspace.into(), &now.into(), &seq.into());
    store.put_with_key(&rec, &key).map_err(err)?;
    let all = range(workspace)?;
    let n = done(&store.count_with_key(&all).map_err(err)?)
        .await
        .map_err(err)?
        .as_f64()
        .unwrap_or(0.0) as u32;
    if n > HISTORY_LIMIT {
        let old = Array::from(
            &done(
                &store
                    .get_all_keys_with_key_and_limit(&all, n - HISTORY_LIMIT)
                    .map_err(err)?,
            )
            .await
            .map_err(err)?,
        );
        if old.length() > 0 {
            let last = old.get(old.length() - 1);
            let oldest = IdbKeyRange::bound(&lower(workspace), &last).map_err(err)?;
            store.delete(&oldest).map_err(err)?;
        }
    }
    committed(&tx).await.map_err(err)?;
    Ok(())
}

/// Records a run of this page's workspace in the background, then calls
/// `recorded`. History is best-effort: a failure is logged, the run's results are
/// unaffected.
pub fn note_run(
    kind: &'static str,
    summary: String,
    ok: bool,
    code: Option<RunCode>,
    recorded: impl FnOnce() + 'static,
) {
    let ws = current();
    wasm_bindgen_futures::spawn_local(async move {
        match record_run(&ws, kind, &summary, ok, code.as_ref()).await {
            Ok(()) => recorded(),
            Err(e) => web_sys::console::warn_1(
                &format!("ormlab: could not record the run history: {e}").into(),
            ),
        }
    });
}

fn text(rec: &JsValue, key: &str) -> Option<String> {
    get(rec, key).as_string()
}

/// Reads one stored record (missing fields read as empty; no code, no restore).
fn read(rec: &JsValue) -> RunRecord {
    let kind = text(rec, "kind").unwrap_or_default();
    let code = match kind.as_str() {
        "sql" => text(rec, "sql").map(|sql| RunCode::Sql { sql }),
        "script" => match (text(rec, "models"), text(rec, "script")) {
            (Some(models), Some(script)) => Some(RunCode::Script { models, script }),
            _ => None,
        },
        _ => None,
    };
    RunRecord {
        kind,
        summary: text(rec, "summary").unwrap_or_default(),
        ok: get(rec, "ok").as_bool().unwrap_or(false),
        at: get(rec, "at").as_f64().unwrap_or(0.0),
        code,
    }
}

/// `workspace`'s runs, newest first.
pub async fn list(workspace: &str) -> Result<Vec<RunRecord>, String> {
    let db = open().await?;
    let tx = db.transaction_with_str(HISTORY).map_err(err)?;
    let all = range(workspace)?;
    let req = tx
        .object_store(HISTORY)
        .map_err(err)?
        .get_all_with_key(&all)
        .map_err(err)?;
    let stored = Array::from(&done(&req).await.map_err(err)?);
    let mut runs: Vec<RunRecord> = stored.iter().map(|r| read(&r)).collect();
    runs.reverse();
    Ok(runs)
}

/// Deletes every run of `workspace` (one readwrite transaction).
pub async fn clear(workspace: &str) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(HISTORY, IdbTransactionMode::Readwrite)
        .map_err(err)?;
    let all = range(workspace)?;
    tx.object_store(HISTORY)
        .map_err(err)?
        .delete(&all)
        .map_err(err)?;
    committed(&tx).await.map_err(err)?;
    Ok(())
}
