//! The page's UI (wasm32 only; see `ormlab::web::app`).

#[cfg(target_arch = "wasm32")]
fn main() {
    ormlab::web::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the `app` binary runs in the browser: use `cargo xtask serve`");
}
