//! The page's UI (wasm32 only; see `ormlab::web::app`).

#[cfg(all(target_arch = "wasm32", feature = "ui"))]
fn main() {
    ormlab::web::app::mount();
}

#[cfg(not(all(target_arch = "wasm32", feature = "ui")))]
fn main() {
    eprintln!("the `app` binary runs in the browser: use `cargo xtask serve`");
}
