//! `cargo xtask`: set up the toolchain, build, serve, test and benchmark ormlab.
//!
//! Every command first installs what is missing (and says so), skipping what is
//! already there at the right version. See README.md for the commands.

mod pack;
mod run;
mod serve;
mod setup;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve [--port N]   set up, build (release) and serve the app on http://127.0.0.1:8080
  test               set up (incl. Chromium), run native, headless-wasm and browser tests
  dist               set up and build the release app into dist/
  bench              set up, build and run the benchmarks in headless Chromium
  setup [--browser]  only install what is missing
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => run::serve(&args[1..]),
        Some("test") => run::test(&args[1..]),
        Some("dist") => run::dist(),
        Some("bench") => run::bench(&args[1..]),
        Some("setup") => setup::all(args.iter().any(|a| a == "--browser")),
        Some("serve-dist") => run::serve_only(&args[1..]),
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}
