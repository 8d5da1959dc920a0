//! The engine's Web Worker (wasm32 only; see `ormlab::web::worker`).

#[cfg(all(target_arch = "wasm32", feature = "db"))]
fn main() {
    ormlab::web::worker::start();
}

#[cfg(not(all(target_arch = "wasm32", feature = "db")))]
fn main() {
    eprintln!("the `worker` binary runs in the browser: use `cargo xtask serve`");
}
