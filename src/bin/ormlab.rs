//! The native `ormlab` command line (see `ormlab::cli`).

#[cfg(all(feature = "db", not(target_arch = "wasm32")))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(ormlab::cli::main(&args));
}

#[cfg(not(all(feature = "db", not(target_arch = "wasm32"))))]
fn main() {
    eprintln!("the ormlab CLI needs the `db` feature on a native target");
}
