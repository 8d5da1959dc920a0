//! The native `ormlab` command line (see `ormlab::cli`).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(ormlab::cli::main(&args));
}

#[cfg(target_arch = "wasm32")]
fn main() {}
