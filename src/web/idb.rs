//! Small IndexedDB helpers shared by the page and the engine worker: requests as
//! futures, error text, and opening a database with its versioned schema (the
//! page and the worker must upgrade `ormlab-db` the same way, whoever opens it
//! first).

use js_sys::{Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbFactory, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbVersionChangeEvent,
};

/// A versioned schema: `(version, object stores created at that version)`.
pub type Schema = &'static [(u32, &'static [&'static str])];

/// Resolves with the request's result, rejects with its error.
pub fn done(req: &IdbRequest) -> JsFuture {
    let req = req.clone();
    JsFuture::from(Promise::new(&mut |resolve, reject| {
        let r = req.clone();
        req.set_onsuccess(Some(
            Closure::once_into_js(move |_: JsValue| {
                let _ = resolve.call1(&JsValue::NULL, &r.result().unwrap_or(JsValue::UNDEFINED));
            })
            .unchecked_ref(),
        ));
        let r = req.clone();
        req.set_onerror(Some(
            Closure::once_into_js(move |_: JsValue| {
                let e = r.error().ok().flatten().map(JsValue::from);
                let _ = reject.call1(&JsValue::NULL, &e.unwrap_or(JsValue::UNDEFINED));
            })
            .unchecked_ref(),
        ));
    }))
}

/// Resolves once the transaction has committed (`complete`), rejects when it aborts.
pub fn committed(tx: &IdbTransaction) -> JsFuture {
    JsFuture::from(Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        let t = tx.clone();
        tx.set_onabort(Some(
            Closure::once_into_js(move |_: JsValue| {
                let e = t.error().map(JsValue::from);
                let _ = reject.call1(&JsValue::NULL, &e.unwrap_or(JsValue::UNDEFINED));
            })
            .unchecked_ref(),
        ));
    }))
}

/// The text of a DOMException / Error (or its name when the message is empty).
pub fn message(e: &JsValue) -> String {
    Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .filter(|m| !m.is_empty())
        .or_else(|| {
            Reflect::get(e, &"name".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown storage error".into())
}

/// `indexedDB` of this global scope (window or worker).
pub fn factory() -> Result<IdbFactory, String> {
    let f = Reflect::get(&js_sys::global(), &"indexedDB".into()).map_err(|e| message(&e))?;
    if f.is_undefined() || f.is_null() {
        return Err("IndexedDB is not available in this browser".into());
    }
    Ok(f.unchecked_into())
}

/// Opens database `name` at the schema's latest version, running every upgrade
/// step above the stored version, in order.
pub async fn open(name: &str, schema: Schema) -> Result<IdbDatabase, String> {
    let latest = schema.last().map(|(v, _)| *v).unwrap_or(1);
    let req: IdbOpenDbRequest = factory()?
        .open_with_u32(name, latest)
        .map_err(|e| message(&e))?;
    let r = req.clone();
    let upgrade =
        Closure::<dyn FnMut(IdbVersionChangeEvent)>::new(move |ev: IdbVersionChangeEvent| {
            let Ok(db) = r.result() else { return };
            let db: IdbDatabase = db.unchecked_into();
            let old = ev.old_version() as u32;
            for (version, stores) in schema {
                if *version > old {
                    for s in *stores {
                        if !db.object_store_names().contains(s) {
                            let _ = db.create_object_store(s);
                        }
                    }
                }
            }
        });
    req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = done(&req).await;
    drop(upgrade);
    let db: IdbDatabase = result.map_err(|e| message(&e))?.unchecked_into();
    step_aside(&db);
    Ok(db)
}

/// Takes a connection opened without a version (by `www/worker-boot.js`, before the
/// wasm ran) when the database is at the schema's latest version; otherwise closes
/// it and answers `None` (then [`open`] upgrades it, or says why it cannot).
pub fn adopt(db: IdbDatabase, schema: Schema) -> Option<IdbDatabase> {
    let latest = schema.last().map(|(v, _)| *v).unwrap_or(1);
    if db.version() != f64::from(latest) {
        db.close();
        return None;
    }
    step_aside(&db);
    Some(db)
}

/// Another tab upgrading to a newer schema: step aside instead of blocking it.
fn step_aside(db: &IdbDatabase) {
    let d = db.clone();
    db.set_onversionchange(Some(
        Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| d.close())
            .into_js_value()
            .unchecked_ref(),
    ));
}
