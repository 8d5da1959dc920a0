//! A millisecond clock that works natively and in a Web Worker
//! (`std::time::Instant` panics on wasm32-unknown-unknown).

/// Milliseconds from an arbitrary origin, monotonic.
#[cfg(not(target_arch = "wasm32"))]
pub fn now_ms() -> f64 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    ORIGIN.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}

/// Milliseconds from an arbitrary origin, monotonic. The `performance` object is looked
/// up once per thread: this runs twice for every SQL statement a script sends.
#[cfg(target_arch = "wasm32")]
pub fn now_ms() -> f64 {
    use wasm_bindgen::JsCast;
    thread_local! {
        static PERF: Option<web_sys::Performance> = js_sys::Reflect::get(&js_sys::global(), &"performance".into())
            .ok()
            .and_then(|p| p.dyn_into::<web_sys::Performance>().ok());
    }
    PERF.with(|p| p.as_ref().map(|p| p.now()))
        .unwrap_or_else(js_sys::Date::now)
}

/// Microseconds since the Unix epoch (UTC): the wall clock, as SQLite's `'now'` reads it.
#[cfg(not(target_arch = "wasm32"))]
pub fn unix_time_us() -> i64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_micros() as i64)
}

/// Microseconds since the Unix epoch (UTC): the wall clock, as SQLite's `'now'` reads it.
#[cfg(target_arch = "wasm32")]
pub fn unix_time_us() -> i64 {
    (js_sys::Date::now() * 1000.0) as i64
}
