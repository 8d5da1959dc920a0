//! The engine's Web Worker: a message loop around [`Engine`].
//!
//! Protocol (documented for `www/ormlab.js`, the only other party):
//! - worker → page `{ready: true}` once the wasm module runs (messages sent before
//!   that would be lost, so the page waits for it);
//! - page → worker `{id: 0, init: {interrupt: SharedArrayBuffer | null, db?: "<workspace>"}}`
//!   once; with `db`, the engine opens that workspace's persistent database (see
//!   [`super::persist`]) and requests wait until it is loaded;
//! - page → worker `{id: 0, persist: "takeover"}`: steal the workspace's write lock;
//! - worker → page `{persist: {role, saved, commit, error, integrity?}}` on every
//!   persistence change (no `id`);
//! - page → worker `{id, msg: "<Request JSON>", bytes?: ArrayBuffer}`;
//! - worker → page `{id, msg: "<Response JSON>", bytes?: ArrayBuffer}` (bytes transferred).
//!
//! Stop: when the page is cross-origin isolated it shares a 4-byte
//! `SharedArrayBuffer`; SQLite's progress handler reads it with `Atomics.load` and
//! interrupts the running statement when it is non-zero. Otherwise the page restarts
//! the worker (see `www/ormlab.js`).

use crate::engine::{Engine, EngineError, Request, Response};
use js_sys::{Array, ArrayBuffer, Atomics, Int32Array, Object, Reflect, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

thread_local! {
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
    static INTERRUPT: RefCell<Option<Int32Array>> = const { RefCell::new(None) };
    /// Requests that arrive while the persistent database loads (`Some` meanwhile).
    static QUEUE: RefCell<Option<Vec<JsValue>>> = const { RefCell::new(None) };
}

/// How long after the persistent database's first answers its integrity check runs.
const INTEGRITY_CHECK_DELAY_MS: i32 = 100;

fn new_engine(db: crate::db::Database) -> Engine {
    let mut e = Engine::with_database(db);
    e.set_interrupt_check(std::sync::Arc::new(interrupted));
    e
}

/// Opens the workspace's persistent database, then answers the queued requests.
fn open_persistent(scope: &DedicatedWorkerGlobalScope, name: String) {
    QUEUE.with(|q| *q.borrow_mut() = Some(Vec::new()));
    let s = scope.clone();
    let notify: super::persist::Notify = Rc::new(move |ev: JsValue| {
        let out = Object::new();
        let _ = Reflect::set(&out, &"persist".into(), &ev);
        let _ = s.post_message(&out);
    });
    let reopen: super::persist::Reopen = Rc::new(|db| {
        ENGINE.with(|cell| *cell.borrow_mut() = Some(new_engine(db)));
    });
    let s = scope.clone();
    wasm_bindgen_futures::spawn_local(async move {
        match super::persist::open(&name, notify.clone(), reopen).await {
            Ok(opened) => {
                ENGINE.with(|cell| *cell.borrow_mut() = Some(new_engine(opened.db)));
            }
            Err(e) => {
                // Keep working in memory, and say why nothing will be saved.
                let ev = Object::new();
                let _ = Reflect::set(&ev, &"role".into(), &"memory".into());
                let _ = Reflect::set(&ev, &"saved".into(), &JsValue::FALSE);
                let msg = format!("storage unavailable, changes are not saved: {e}");
                let _ = Reflect::set(&ev, &"error".into(), &msg.into());
                notify(ev.into());
            }
        }
        let queued = QUEUE.with(|q| q.borrow_mut().take()).unwrap_or_default();
        for data in queued {
            handle_message(&s, data);
        }
        // Check the loaded database after the first answers went out, and after the
        // page's first query had time to arrive (it is posted when `Opened` is heard):
        // that query should not wait behind the check.
        let check = Closure::once_into_js(|| {
            ENGINE.with(|cell| {
                if let Some(e) = cell.borrow_mut().as_mut() {
                    super::persist::report_integrity(e.database());
                }
            });
        });
        let _ = s.set_timeout_with_callback_and_timeout_and_arguments_0(
            check.unchecked_ref(),
            INTEGRITY_CHECK_DELAY_MS,
        );
    });
}

fn interrupted() -> bool {
    INTERRUPT.with(|f| {
        f.borrow()
            .as_ref()
            .map(|a| Atomics::load(a, 0).unwrap_or(0) != 0)
            .unwrap_or(false)
    })
}

/// Starts the message loop (called by the worker binary's `main`).
pub fn start() {
    // (The release build aborts at a panic without running a hook: see xtask's `dist`.)
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    super::install_core_hooks();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_scope = scope.clone();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        handle_message(&reply_scope, ev.data());
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    let ready = Object::new();
    let _ = Reflect::set(&ready, &"ready".into(), &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}

/// Runs `f` with the engine, creating it (with the Stop check) on first use.
fn with_engine(
    f: impl FnOnce(&mut Engine) -> (Response, Option<Uint8Array>),
) -> (Response, Option<Uint8Array>) {
    ENGINE.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            match Engine::new() {
                Ok(mut e) => {
                    e.set_interrupt_check(std::sync::Arc::new(interrupted));
                    *slot = Some(e);
                }
                Err(error) => return (Response::Error { error }, None),
            }
        }
        match slot.as_mut() {
            Some(engine) => f(engine),
            None => (
                Response::Error {
                    error: EngineError::plain("the engine failed to start"),
                },
                None,
            ),
        }
    })
}

fn handle_message(scope: &DedicatedWorkerGlobalScope, data: JsValue) {
    let id = Reflect::get(&data, &"id".into()).unwrap_or(JsValue::from(0));
    if let Ok(init) = Reflect::get(&data, &"init".into())
        && init.is_object()
    {
        if let Ok(sab) = Reflect::get(&init, &"interrupt".into())
            && !sab.is_null()
            && !sab.is_undefined()
        {
            INTERRUPT.with(|f| *f.borrow_mut() = Some(Int32Array::new(&sab)));
        }
        if let Some(name) = Reflect::get(&init, &"db".into())
            .ok()
            .and_then(|d| d.as_string())
        {
            open_persistent(scope, name);
        }
        return;
    }
    if let Some(cmd) = Reflect::get(&data, &"persist".into())
        .ok()
        .and_then(|d| d.as_string())
    {
        if cmd == "takeover" {
            super::persist::take_over();
        } else if let Some(q) = cmd.strip_prefix("quota:") {
            super::persist::simulate_quota(crate::core::py::float_text::parse_decimal(q));
        } else if let Some(ms) = cmd.strip_prefix("deaf:") {
            super::persist::hear_steal_late(ms.parse::<i32>().unwrap_or(0));
        }
        return;
    }
    let loading = QUEUE.with(|q| match q.borrow_mut().as_mut() {
        Some(queue) => {
            queue.push(data.clone());
            true
        }
        None => false,
    });
    if loading {
        return;
    }
    let msg = Reflect::get(&data, &"msg".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    let bytes = Reflect::get(&data, &"bytes".into())
        .ok()
        .filter(|b| b.is_instance_of::<ArrayBuffer>())
        .map(|b| Uint8Array::new(&b));
    let (response, out_bytes) = match crate::json::from_str::<Request>(&msg) {
        Ok(req) => with_engine(|engine| match (req, bytes) {
            // Import and export move whole databases: copy once, straight between the
            // page's buffer and SQLite's memory.
            (Request::Import, Some(arr)) => {
                let mut header = [0u8; 100];
                let n = arr.length().min(100);
                arr.subarray(0, n).copy_to(&mut header[..n as usize]);
                let len = arr.length() as usize;
                (
                    engine.import_from(&header[..n as usize], |buf| arr.copy_to(buf), len),
                    None,
                )
            }
            (Request::Export, _) => match engine.export_with(|b| Uint8Array::from(b)) {
                Ok((size, arr)) => (Response::Exported { size }, Some(arr)),
                Err(error) => (Response::Error { error }, None),
            },
            (req, bytes) => {
                let (resp, out) = engine.handle(req, bytes.map(|b| b.to_vec()));
                (resp, out.map(|b| Uint8Array::from(b.as_slice())))
            }
        }),
        Err(e) => (
            Response::Error {
                error: EngineError::plain(format!("malformed request: {e}")),
            },
            None,
        ),
    };
    let text = crate::json::to_string(&response);
    let out = Object::new();
    let _ = Reflect::set(&out, &"id".into(), &id);
    let _ = Reflect::set(&out, &"msg".into(), &JsValue::from_str(&text));
    let transfer = Array::new();
    if let Some(arr) = out_bytes {
        let buf = arr.buffer();
        let _ = Reflect::set(&out, &"bytes".into(), &buf);
        transfer.push(&buf);
    }
    let _ = scope.post_message_with_transfer(&out, &transfer);
}
