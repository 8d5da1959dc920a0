//! Installing the toolchain pieces the project needs, each only when missing.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The trunk version the project is built with (0.22 needs a newer rustc).
pub const TRUNK_VERSION: &str = "0.21.14";

pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root (the parent of xtask/).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// Prints a step.
pub fn say(msg: &str) {
    eprintln!("xtask: {msg}");
}

/// PATH with the project's tools first (cargo bin, npm bin).
pub fn tool_path() -> String {
    let root = root();
    let mut parts = vec![
        root.join("node_modules/.bin").display().to_string(),
        cargo_bin().display().to_string(),
    ];
    if let Ok(p) = std::env::var("PATH") {
        parts.push(p);
    }
    parts.join(":")
}

fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from("/root/.cargo"))
        .join("bin")
}

/// Runs a command, streaming its output; fails with a one-line message.
pub fn run(cmd: &mut Command, what: &str) -> Result {
    cmd.env("PATH", tool_path());
    let status = cmd
        .status()
        .map_err(|e| format!("{what}: could not start: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

/// Runs a command and returns its stdout (None when it cannot run or fails).
pub fn output(cmd: &mut Command) -> Option<String> {
    cmd.env("PATH", tool_path());
    let out = cmd.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn is_root() -> bool {
    output(Command::new("id").arg("-u"))
        .map(|s| s.trim() == "0")
        .unwrap_or(false)
}

/// The wasm-bindgen version pinned in Cargo.lock.
pub fn wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("reading Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\""
            && let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
        {
            return Ok(v.trim_end_matches('"').to_owned());
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

fn wasm_target() -> Result {
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        say("wasm32-unknown-unknown target: ok");
        return Ok(());
    }
    say("installing the wasm32-unknown-unknown target (rustup)");
    run(
        Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]),
        "rustup target add wasm32-unknown-unknown",
    )
}

/// The standard library's source (`rust-src`): the release wasm rebuilds `std` with the
/// project's size-optimizing profile (`-Zbuild-std`, see `run::build_dist`).
fn rust_src() -> Result {
    let installed = output(Command::new("rustup").args(["component", "list", "--installed"]))
        .unwrap_or_default();
    if installed.lines().any(|l| l.trim().starts_with("rust-src")) {
        say("rust-src component: ok");
        return Ok(());
    }
    say("installing the rust-src component (rustup)");
    run(
        Command::new("rustup").args(["component", "add", "rust-src"]),
        "rustup component add rust-src",
    )
}

/// The manifest of the standard library's workspace in the toolchain's `rust-src`.
pub fn std_manifest() -> Result<PathBuf> {
    let sysroot = output(Command::new("rustc").args(["--print", "sysroot"]))
        .ok_or("rustc --print sysroot failed")?;
    Ok(Path::new(sysroot.trim()).join("lib/rustlib/src/rust/library/Cargo.toml"))
}

fn trunk() -> Result {
    let have = output(Command::new("trunk").arg("--version")).unwrap_or_default();
    if have.trim() == format!("trunk {TRUNK_VERSION}") {
        say(&format!("trunk {TRUNK_VERSION}: ok"));
        return Ok(());
    }
    say(&format!(
        "installing trunk {TRUNK_VERSION} (cargo install, a few minutes)"
    ));
    run(
        Command::new("cargo").args(["install", "--locked", &format!("trunk@{TRUNK_VERSION}")]),
        "cargo install trunk",
    )
}

fn wasm_bindgen_cli() -> Result {
    let want = wasm_bindgen_version()?;
    let have = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    let have_runner =
        output(Command::new("wasm-bindgen-test-runner").arg("--version")).unwrap_or_default();
    if have.trim() == format!("wasm-bindgen {want}") && have_runner.contains(&want) {
        say(&format!("wasm-bindgen-cli {want}: ok"));
        return Ok(());
    }
    say(&format!(
        "installing wasm-bindgen-cli {want} to match Cargo.lock (cargo install, a few minutes)"
    ));
    // Not --locked: the published lock pins a webpki-roots the registry may not have.
    run(
        Command::new("cargo").args(["install", "--force", "wasm-bindgen-cli", "--version", &want]),
        "cargo install wasm-bindgen-cli",
    )
}

fn npm() -> Result {
    let root = root();
    let lock = root.join("package-lock.json");
    // A copy of the lockfile an install succeeded with. Compared by content, not by
    // timestamp: a checkout or a worktree touching package-lock.json must not wipe a
    // node_modules that already matches it.
    let stamp = root.join("node_modules/.ormlab-installed-lock.json");
    let fresh = match (std::fs::read(&stamp), std::fs::read(&lock)) {
        (Ok(s), Ok(l)) => s == l,
        _ => false,
    };
    if fresh
        && root.join("node_modules/.bin/esbuild").exists()
        && root.join("node_modules/.bin/wasm-opt").exists()
    {
        say("npm packages: ok");
        return Ok(());
    }
    say(
        "installing npm packages (npm ci: CodeMirror, esbuild, terser, binaryen, playwright-core, sql.js)",
    );
    let mut cmd = Command::new("npm");
    if lock.exists() {
        cmd.args(["ci", "--no-audit", "--no-fund"]);
    } else {
        cmd.args(["install", "--no-audit", "--no-fund"]);
    }
    run(cmd.current_dir(&root), "npm install")?;
    if let Ok(text) = std::fs::read(&lock) {
        std::fs::write(&stamp, text).map_err(|e| format!("writing {}: {e}", stamp.display()))?;
    }
    Ok(())
}

fn apt(packages: &[(&str, &str)]) -> Result {
    // (package, a file it provides)
    let missing: Vec<&str> = packages
        .iter()
        .filter(|(_, file)| !Path::new(file).exists())
        .map(|(p, _)| *p)
        .collect();
    if missing.is_empty() {
        say(&format!(
            "Debian packages {}: ok",
            packages.iter().map(|p| p.0).collect::<Vec<_>>().join(", ")
        ));
        return Ok(());
    }
    if !is_root() {
        return Err(format!(
            "missing Debian packages: {} (run as root or `sudo apt-get install {}`)",
            missing.join(" "),
            missing.join(" ")
        ));
    }
    say(&format!(
        "installing Debian packages: {}",
        missing.join(" ")
    ));
    run(
        Command::new("apt-get").args(["update", "-qq"]),
        "apt-get update",
    )?;
    let mut cmd = Command::new("apt-get");
    cmd.args(["install", "-y", "-qq", "--no-install-recommends"])
        .args(&missing)
        .env("DEBIAN_FRONTEND", "noninteractive");
    run(&mut cmd, &format!("apt-get install {}", missing.join(" ")))
}

/// The C toolchain that compiles SQLite for wasm32.
fn c_toolchain() -> Result {
    apt(&[("clang", "/usr/bin/clang"), ("llvm", "/usr/bin/llvm-ar")])
}

/// Headless Chromium and its driver (browser tests, benchmarks), and Python for the
/// conformance runner (`compare.py`, standard library only).
pub fn browser() -> Result {
    apt(&[
        ("chromium", "/usr/bin/chromium"),
        ("chromium-driver", "/usr/bin/chromedriver"),
        ("python3", "/usr/bin/python3"),
    ])
}

/// Everything needed to build (and, with `browser`, to test in Chromium).
pub fn all(with_browser: bool) -> Result {
    wasm_target()?;
    rust_src()?;
    c_toolchain()?;
    npm()?;
    wasm_bindgen_cli()?;
    trunk()?;
    if with_browser {
        browser()?;
    }
    Ok(())
}
