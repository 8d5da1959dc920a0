//! The engine's Web Worker (wasm32 only; see `ormlab::web::worker`).

#[cfg(target_arch = "wasm32")]
fn main() {
    ormlab::web::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the `worker` binary runs in the browser: use `cargo xtask serve`");
}
