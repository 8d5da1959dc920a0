//! Typed calls from the UI to the engine worker, through `window.ormlab`
//! (`www/ormlab.js` owns the worker so that it starts before the UI's wasm loads).

use crate::engine::{EngineError, Request, Response};
use crate::web::numbers;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ormlab, js_name = _callRaw, catch)]
    fn call_raw(json: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ormlab, js_name = stop, catch)]
    fn js_stop() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ormlab, js_name = onState, catch)]
    fn js_on_state(cb: &js_sys::Function) -> Result<JsValue, JsValue>;
}

/// Sends a request to the engine and waits for its answer. Transport failures
/// (worker restarted by Stop, worker crashed) come back as [`Response::Error`].
pub async fn call(req: &Request) -> Response {
    let json = crate::engine::request_json(req, numbers::shortest_digits);
    let promise = match call_raw(&json) {
        Ok(p) => p,
        Err(e) => return error(js_message(&e), false),
    };
    match JsFuture::from(promise).await {
        Ok(v) => match v
            .as_string()
            .map(|s| crate::json::from_str_with::<Response>(&s, numbers::parse_float))
        {
            Some(Ok(resp)) => resp,
            Some(Err(e)) => error(format!("could not decode the engine's answer: {e}"), false),
            None => error("the engine sent no answer".into(), false),
        },
        Err(e) => {
            let interrupted = js_sys::Reflect::get(&e, &"detail".into())
                .ok()
                .and_then(|d| js_sys::Reflect::get(&d, &"interrupted".into()).ok())
                .and_then(|b| b.as_bool())
                .unwrap_or(false);
            error(js_message(&e), interrupted)
        }
    }
}

/// Waits until the engine is up; returns its hello or why it failed.
pub async fn ready() -> Result<(String, bool), String> {
    let api =
        js_sys::Reflect::get(&js_sys::global(), &"ormlab".into()).map_err(|e| js_message(&e))?;
    let ready = js_sys::Reflect::get(&api, &"ready".into()).map_err(|e| js_message(&e))?;
    let hello = JsFuture::from(js_sys::Promise::resolve(&ready))
        .await
        .map_err(|e| js_message(&e))?;
    let version = js_sys::Reflect::get(&hello, &"sqlite_version".into())
        .ok()
        .and_then(|v| v.as_string());
    let can_interrupt = js_sys::Reflect::get(&api, &"canInterrupt".into())
        .ok()
        .and_then(|v| v.as_bool());
    Ok((version.unwrap_or_default(), can_interrupt.unwrap_or(false)))
}

/// Waits until the editor bundle is loaded (or failed to load).
pub async fn editor_ready() {
    let api =
        js_sys::Reflect::get(&js_sys::global(), &"ormlab".into()).unwrap_or(JsValue::UNDEFINED);
    let ready = js_sys::Reflect::get(&api, &"editorReady".into()).unwrap_or(JsValue::UNDEFINED);
    let _ = JsFuture::from(js_sys::Promise::resolve(&ready)).await;
}

/// Asks the engine to stop the running statement.
pub async fn stop() {
    if let Ok(p) = js_stop() {
        let _ = JsFuture::from(p).await;
    }
}

/// Calls `f` with `"busy"`, `"idle"`, `"restarting"` or `"failed"` when the engine's state changes.
pub fn on_state(f: impl Fn(String) + 'static) {
    let cb = Closure::<dyn Fn(JsValue)>::new(move |ev: JsValue| {
        let state = js_sys::Reflect::get(&ev, &"state".into())
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        f(state);
    });
    let _ = js_on_state(cb.as_ref().unchecked_ref());
    cb.forget();
}

fn error(message: String, interrupted: bool) -> Response {
    let mut error = EngineError::plain(message);
    error.interrupted = interrupted;
    Response::Error { error }
}

fn js_message(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
