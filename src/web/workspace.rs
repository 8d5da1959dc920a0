//! The workspace store in IndexedDB (`ormlab-workspace`, schema in
//! [`crate::core::workspace`]): editor texts saved as you type, restored on load,
//! and the workspace's settings (`settings` store: key `[workspace, name]` →
//! `{value, updated}`; today the editor tab that was open).
//! (The run history in the same store: `web::history`.)

use super::idb::done;
use crate::core::workspace::{SAVE_DEBOUNCE_MS, WORKSPACE_STORE_SCHEMA};
use js_sys::{Array, Object, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{IdbDatabase, IdbTransactionMode};

const NAME: &str = "ormlab-workspace";
const FILES: &str = "files";
const SETTINGS: &str = "settings";

thread_local! {
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

fn err(e: JsValue) -> String {
    super::idb::message(&e)
}

/// Opens (and upgrades) the workspace store once per page.
pub async fn open() -> Result<IdbDatabase, String> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let db = super::idb::open(NAME, WORKSPACE_STORE_SCHEMA).await?;
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

fn file_key(workspace: &str, file: &str) -> JsValue {
    Array::of2(&workspace.into(), &file.into()).into()
}

/// The stored text of `file` in `workspace`, if any.
pub async fn load_file(workspace: &str, file: &str) -> Result<Option<String>, String> {
    let db = open().await?;
    let tx = db.transaction_with_str(FILES).map_err(err)?;
    let req = tx
        .object_store(FILES)
        .map_err(err)?
        .get(&file_key(workspace, file))
        .map_err(err)?;
    let v = done(&req).await.map_err(err)?;
    Ok(Reflect::get(&v, &"text".into())
        .ok()
        .and_then(|t| t.as_string()))
}

/// Stores the text of `file` in `workspace` (one readwrite transaction).
pub async fn save_file(workspace: &str, file: &str, text: &str) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(FILES, IdbTransactionMode::Readwrite)
        .map_err(err)?;
    let rec = Object::new();
    let _ = Reflect::set(&rec, &"text".into(), &text.into());
    let _ = Reflect::set(&rec, &"updated".into(), &js_sys::Date::now().into());
    let req = tx
        .object_store(FILES)
        .map_err(err)?
        .put_with_key(&rec, &file_key(workspace, file))
        .map_err(err)?;
    done(&req).await.map_err(err)?;
    Ok(())
}

/// A stored setting of `workspace` (`None` when never set).
pub async fn load_setting(workspace: &str, name: &str) -> Result<Option<String>, String> {
    let db = open().await?;
    let tx = db.transaction_with_str(SETTINGS).map_err(err)?;
    let req = tx
        .object_store(SETTINGS)
        .map_err(err)?
        .get(&file_key(workspace, name))
        .map_err(err)?;
    let v = done(&req).await.map_err(err)?;
    Ok(Reflect::get(&v, &"value".into())
        .ok()
        .and_then(|t| t.as_string()))
}

/// Stores a setting of `workspace` (one readwrite transaction).
pub async fn save_setting(workspace: &str, name: &str, value: &str) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(SETTINGS, IdbTransactionMode::Readwrite)
        .map_err(err)?;
    let rec = Object::new();
    let _ = Reflect::set(&rec, &"value".into(), &value.into());
    let _ = Reflect::set(&rec, &"updated".into(), &js_sys::Date::now().into());
    let req = tx
        .object_store(SETTINGS)
        .map_err(err)?
        .put_with_key(&rec, &file_key(workspace, name))
        .map_err(err)?;
    done(&req).await.map_err(err)?;
    Ok(())
}

/// Saves a setting in the background (a failure is logged: settings are a comfort,
/// never worth an error banner).
pub fn remember(name: &'static str, value: String) {
    let ws = current();
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = save_setting(&ws, name, &value).await {
            web_sys::console::warn_1(&format!("ormlab: could not save a setting: {e}").into());
        }
    });
}

/// The workspace this page opened (`window.ormlab.workspace`).
pub fn current() -> String {
    Reflect::get(&js_sys::global(), &"ormlab".into())
        .and_then(|o| Reflect::get(&o, &"workspace".into()))
        .ok()
        .and_then(|w| w.as_string())
        .unwrap_or_else(|| crate::core::workspace::DEFAULT_WORKSPACE.into())
}

/// Restores an editor's stored text (unless the person already typed) and then
/// saves it whenever it changes, once typing pauses. `get`/`set` read and replace
/// the editor's text; `report` hears save failures (and `None` on success).
pub fn attach_editor(
    file: &'static str,
    untouched: String,
    get: Rc<dyn Fn() -> String>,
    set: Rc<dyn Fn(&str)>,
    report: Rc<dyn Fn(Option<String>)>,
) {
    let ws = current();
    wasm_bindgen_futures::spawn_local(async move {
        match load_file(&ws, file).await {
            Ok(Some(text)) if get() == untouched => set(&text),
            Ok(_) => {}
            Err(e) => report(Some(format!("could not load the editor text: {e}"))),
        }
        let last = Rc::new(RefCell::new(get()));
        let quiet_since = Rc::new(RefCell::new(None::<String>));
        let tick = Closure::<dyn FnMut()>::new(move || {
            let now = get();
            if now == *last.borrow() {
                return;
            }
            // Debounce: save once the text stayed the same for one tick.
            let stable = quiet_since.borrow().as_deref() == Some(now.as_str());
            if !stable {
                *quiet_since.borrow_mut() = Some(now);
                return;
            }
            *last.borrow_mut() = now.clone();
            let (ws, report) = (ws.clone(), report.clone());
            wasm_bindgen_futures::spawn_local(async move {
                report(save_file(&ws, file, &now).await.err());
            });
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_interval_with_callback_and_timeout_and_arguments_0(
                tick.as_ref().unchecked_ref(),
                SAVE_DEBOUNCE_MS,
            );
        }
        tick.forget();
    });
}
