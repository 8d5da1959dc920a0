//! The commands: dist, serve, test, bench.

use crate::pack;
use crate::serve::{self, Mount};
use crate::setup::{self, Result, root, say};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Release build into dist/.
pub fn dist() -> Result {
    setup::all(false)?;
    build_dist()
}

fn build_dist() -> Result {
    say("building the editor bundle and the page assets (esbuild)");
    setup::run(
        Command::new("node")
            .arg("www/build.mjs")
            .current_dir(root()),
        "page assets",
    )?;
    // `trunk build --offline` builds offline (no tool downloads behind the project's
    // back), so the crates only the wasm build uses (Leptos...) must be here first: a
    // fresh machine's native builds never fetched them.
    say("fetching the crates Cargo.lock names (cargo fetch)");
    setup::run(
        Command::new("cargo")
            .args(["fetch", "--locked"])
            .current_dir(root()),
        "cargo fetch",
    )?;
    // ...and the crates the standard library's own workspace uses, for `-Zbuild-std`.
    setup::run(
        Command::new("cargo")
            .arg("fetch")
            .arg("--manifest-path")
            .arg(setup::std_manifest()?)
            .env("RUSTC_BOOTSTRAP", "1")
            .current_dir(root()),
        "cargo fetch (the standard library's crates)",
    )?;
    say("building the release app into dist/ (trunk build --release)");
    setup::run(
        Command::new("trunk")
            .args(["build", "--release", "--offline"])
            // The release wasm without the file:line:col of its ~1,300 panic sites (~14 KB
            // of the first visit's gzip download; a panic aborts the worker either way and
            // the page reports it without a location): `-Zlocation-detail=none` is unstable,
            // so this one build lets the stable toolchain take it (RUSTC_BOOTSTRAP). These
            // flags replace .cargo/config.toml's for the wasm target: its cfg is repeated.
            .env("RUSTC_BOOTSTRAP", "1")
            // `std` itself rebuilt with the release profile (`opt-level = "z"`, LTO across
            // it and the app) instead of the prebuilt one, compiled for speed: −17.6 KB
            // gzip of the worker, −3.3 KB of the UI. Unstable too (`-Zbuild-std`), the
            // same one build; it needs the `rust-src` component, which setup installs.
            .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
            // ...with its size-minded code where it has some (smaller sorting and integer
            // formatting): −1.4 KB gzip of the worker. The crate's own sort (`core/sort.rs`)
            // and number formatting are its own, so the app's hot paths are untouched.
            .env("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size")
            // A panic traps at once (`-Cpanic=immediate-abort`, unstable too): no message
            // formatting or hook in the download (−8.4 KB gzip of the worker, −9.0 KB of
            // the UI). A panic is a bug either way; the page reports the stopped worker as
            // before, and the native, debug and wasm-test builds keep their messages.
            // `Debug` formatting is compiled out too (`-Zfmt-debug=none`): nothing the app
            // shows is made with `{:?}` (the crate writes its float text and SQLite's error
            // code names itself), so its code and the derived impls' strings leave the
            // download. LLVM's inliner is held to a threshold of -5 (`z`'s own is about
            // 5): fewer copies of small helpers inlined at their many call sites (−3.7 KB
            // gzip of the worker, −1.9 KB of the UI; 0 gave −1.0/−1.1 KB, −10 +0.3/−1.7 KB
            // and −25 +20 KB, the call overhead of tiny wrappers then outweighing them).
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
                "--cfg erase_components -Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort -Cllvm-args=-inline-threshold=-5",
            )
            .current_dir(root()),
        "trunk build",
    )?;
    say("compressing the wasm modules for the download (zopfli, a few seconds)");
    pack::pack_wasm(&root().join("dist"))?;
    let (raw, gz) = dist_size()?;
    let (lazy_raw, lazy_gz) = lazy_size()?;
    say(&format!(
        "dist/: {} KB, {} KB gzip on a first visit (+ {} KB, {} KB gzip imported when first needed)",
        raw / 1024,
        gz / 1024,
        lazy_raw / 1024,
        lazy_gz / 1024
    ));
    Ok(())
}

/// Bytes of what a first visit downloads, raw and gzip -9: every file of dist/ (its
/// folders included) but the modules the page imports only when first needed
/// (`lazy-*.js`: the SQL language, the search panel; see [`lazy_size`]).
pub fn dist_size() -> Result<(u64, u64)> {
    let files = dist_files()?;
    Ok(sizes(files.iter().filter(|p| !is_lazy(p))))
}

/// Bytes of the modules dist/ holds for later (`lazy-*.js`), raw and gzip -9.
pub fn lazy_size() -> Result<(u64, u64)> {
    let files = dist_files()?;
    Ok(sizes(files.iter().filter(|p| is_lazy(p))))
}

fn is_lazy(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with("lazy-"))
}

/// Every file under dist/.
fn dist_files() -> Result<Vec<PathBuf>> {
    let mut out = vec![];
    let mut dirs = vec![root().join("dist")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir)
            .map_err(|e| format!("reading {}: {e}", dir.display()))?
            .flatten()
        {
            let p = entry.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.is_file() {
                out.push(p);
            }
        }
    }
    Ok(out)
}

/// Raw and gzip -9 bytes of `files`.
fn sizes<'a>(files: impl Iterator<Item = &'a PathBuf>) -> (u64, u64) {
    let (mut raw, mut gz) = (0, 0);
    for p in files {
        raw += std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        let out = Command::new("gzip")
            .args(["-9", "-c"])
            .arg(p)
            .stderr(Stdio::null())
            .output();
        gz += out.map(|o| o.stdout.len() as u64).unwrap_or(0);
    }
    (raw, gz)
}

fn port_arg(args: &[String], default: u16) -> u16 {
    args.iter()
        .position(|a| a == "--port")
        .and_then(|i| args.get(i + 1))
        .and_then(|p| p.parse().ok())
        .unwrap_or(default)
}

fn dist_mounts() -> Vec<Mount> {
    vec![Mount {
        prefix: "/".into(),
        dir: root().join("dist"),
    }]
}

/// Build, then serve dist/ until interrupted.
pub fn serve(args: &[String]) -> Result {
    dist()?;
    serve_only(args)
}

/// Serve the existing dist/ until interrupted.
pub fn serve_only(args: &[String]) -> Result {
    let port = serve::start(port_arg(args, 8080), dist_mounts())
        .map_err(|e| format!("cannot listen: {e}"))?;
    println!("ormlab is served on http://127.0.0.1:{port}/  (Ctrl+C stops)");
    loop {
        std::thread::park();
    }
}

/// One test phase's counts.
struct Phase {
    name: &'static str,
    passed: u64,
    failed: u64,
    skipped: u64,
    ok: bool,
}

/// Runs a command, echoing its output, and counts tests from cargo's and node's summary lines.
fn counted(name: &'static str, cmd: &mut Command) -> Phase {
    cmd.env("PATH", setup::tool_path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let child = cmd.spawn();
    let Ok(mut child) = child else {
        say(&format!("{name}: could not start"));
        return Phase {
            name,
            passed: 0,
            failed: 1,
            skipped: 0,
            ok: false,
        };
    };
    let stdout = child.stdout.take();
    let stderr = child.stderr.take();
    let err_thread = std::thread::spawn(move || {
        use std::io::{BufRead, BufReader};
        let mut lines = Vec::new();
        if let Some(s) = stderr {
            for line in BufReader::new(s).lines().map_while(|l| l.ok()) {
                eprintln!("{line}");
                lines.push(line);
            }
        }
        lines
    });
    let mut lines = Vec::new();
    if let Some(s) = stdout {
        use std::io::{BufRead, BufReader};
        for line in BufReader::new(s).lines().map_while(|l| l.ok()) {
            println!("{line}");
            lines.push(line);
        }
    }
    lines.extend(err_thread.join().unwrap_or_default());
    let ok = child.wait().map(|s| s.success()).unwrap_or(false);
    let (mut passed, mut failed) = (0, 0);
    for line in &lines {
        let l = line.trim();
        // cargo: "test result: ok. 12 passed; 0 failed; ..."
        if let Some(rest) = l.strip_prefix("test result: ") {
            passed += number_before(rest, " passed");
            failed += number_before(rest, " failed");
        }
        // node --test: "# pass 5" / "# fail 0"; compare.py / our scripts: "N passed, N failed"
        if let Some(n) = l.strip_prefix("# pass ") {
            passed += n.trim().parse::<u64>().unwrap_or(0);
        }
        if let Some(n) = l.strip_prefix("# fail ") {
            failed += n.trim().parse::<u64>().unwrap_or(0);
        }
        if l.ends_with(" failed") && l.contains(" passed, ") && !l.starts_with("test result") {
            passed += number_before(l, " passed");
            failed += number_before(l, " failed");
        }
    }
    if !ok && failed == 0 {
        failed = 1;
    }
    Phase {
        name,
        passed,
        failed,
        skipped: 0,
        ok,
    }
}

fn number_before(s: &str, word: &str) -> u64 {
    s.find(word)
        .map(|i| &s[..i])
        .and_then(|head| head.rsplit(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Native tests, headless wasm tests, a release build and the browser end-to-end tests.
pub fn test(_args: &[String]) -> Result {
    setup::all(true)?;
    let root = root();
    let mut phases = Vec::new();
    say("lint: cargo fmt --check, clippy -D warnings (native and wasm32)");
    phases.push(lint());
    say("native tests (cargo test --workspace)");
    phases.push(counted(
        "native",
        Command::new("cargo")
            .args(["test", "--workspace"])
            .current_dir(&root),
    ));
    phases.push(conformance());
    say("headless wasm tests in Chromium (cargo test --target wasm32-unknown-unknown)");
    phases.push(counted(
        "wasm",
        Command::new("cargo")
            .args([
                "test",
                "--target",
                "wasm32-unknown-unknown",
                "--test",
                "wasm_engine",
            ])
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
            .current_dir(&root),
    ));
    match build_dist() {
        Err(e) => {
            say(&format!("release build failed: {e}"));
            phases.push(Phase {
                name: "dist",
                passed: 0,
                failed: 1,
                skipped: 0,
                ok: false,
            });
        }
        Ok(()) => {
            let port = serve::start(0, dist_mounts()).map_err(|e| format!("cannot listen: {e}"))?;
            say(&format!(
                "browser end-to-end tests against http://127.0.0.1:{port}/ (node --test, Playwright, Chromium)"
            ));
            phases.push(counted(
                "e2e",
                Command::new("node")
                    .args(["--test", "--test-concurrency=1", "tests/e2e/"])
                    .env("ORMLAB_URL", format!("http://127.0.0.1:{port}/"))
                    .current_dir(&root),
            ));
        }
    }
    let passed: u64 = phases.iter().map(|p| p.passed).sum();
    let failed: u64 = phases.iter().map(|p| p.failed).sum();
    let skipped: u64 = phases.iter().map(|p| p.skipped).sum();
    let detail = phases
        .iter()
        .map(|p| format!("{} {}/{}", p.name, p.passed, p.passed + p.failed))
        .collect::<Vec<_>>()
        .join(", ");
    say(&format!("phases: {detail}"));
    if skipped > 0 {
        println!("summary: {passed} passed, {failed} failed, {skipped} skipped");
    } else {
        println!("summary: {passed} passed, {failed} failed");
    }
    if phases.iter().all(|p| p.ok) && failed == 0 {
        Ok(())
    } else {
        Err("some tests failed".into())
    }
}

/// The shared conformance corpus through the native CLI (`compare.py`), when it is there.
/// Scripts listed in `tests/conformance/known_failures.txt` may fail (they are reported as
/// skipped); any other failure fails the phase, and a listed script that passes is
/// reported so the list can shrink.
fn conformance() -> Phase {
    let root = root();
    let corpus = root.join("../shared/conformance");
    if !corpus.join("compare.py").exists() {
        say("conformance corpus not found beside the checkout (../shared/conformance): skipped");
        return Phase {
            name: "conformance",
            passed: 0,
            failed: 0,
            skipped: 0,
            ok: true,
        };
    }
    // The dev build shares its dependencies with the native tests just run (no LTO build).
    say("conformance: building the CLI, then compare.py over the corpus scripts");
    if let Err(e) = setup::run(
        Command::new("cargo")
            .args(["build", "--bin", "ormlab"])
            .current_dir(&root),
        "CLI build",
    ) {
        say(&e);
        return Phase {
            name: "conformance",
            passed: 0,
            failed: 1,
            skipped: 0,
            ok: false,
        };
    }
    let known: Vec<String> =
        std::fs::read_to_string(root.join("tests/conformance/known_failures.txt"))
            .unwrap_or_default()
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect();
    let cli = root.join("target/debug/ormlab");
    let out = Command::new("python3")
        .arg(corpus.join("compare.py"))
        .args(["-j", "2", "--timeout", "60", "--cmd"])
        .arg(format!("{} run {{file}}", cli.display()))
        .arg(corpus.join("scripts"))
        .current_dir(&root)
        .output();
    let Ok(out) = out else {
        say("conformance: could not run python3 compare.py");
        return Phase {
            name: "conformance",
            passed: 0,
            failed: 1,
            skipped: 0,
            ok: false,
        };
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let (mut passed, mut failed, mut skipped) = (0, 0, 0);
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("PASS ") {
            passed += 1;
            if is_known(&known, name) {
                say(&format!(
                    "conformance: {} passes now: remove it from tests/conformance/known_failures.txt",
                    name.trim()
                ));
            }
        } else if let Some(name) = line.strip_prefix("FAIL ") {
            if is_known(&known, name) {
                skipped += 1;
            } else {
                failed += 1;
                say(&format!(
                    "conformance: {} FAILED (a regression: it is not a known failure)",
                    name.trim()
                ));
            }
        } else if failed > 0 && !line.starts_with("PASS") {
            println!("{line}");
        }
    }
    say(&format!(
        "conformance: {passed} passed, {failed} failed, {skipped} known failures (tests/conformance/known_failures.txt)"
    ));
    Phase {
        name: "conformance",
        passed,
        failed,
        skipped,
        ok: failed == 0 && passed + skipped > 0,
    }
}

/// True when `name` (a path as compare.py prints it) is listed by its file name.
fn is_known(known: &[String], name: &str) -> bool {
    let file = name.trim().rsplit('/').next().unwrap_or("");
    known.iter().any(|k| k == file)
}

/// Formatting and clippy on both targets; one check per tool.
fn lint() -> Phase {
    let root = root();
    let checks: [(&str, &[&str]); 3] = [
        ("cargo fmt --check", &["fmt", "--all", "--", "--check"]),
        (
            "clippy (native)",
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ),
        (
            "clippy (wasm32)",
            &[
                "clippy",
                "--target",
                "wasm32-unknown-unknown",
                "--all-features",
                "--lib",
                "--bins",
                "--test",
                "wasm_engine",
                "--",
                "-D",
                "warnings",
            ],
        ),
    ];
    let (mut passed, mut failed) = (0, 0);
    for (name, args) in checks {
        let ok = setup::run(Command::new("cargo").args(args).current_dir(&root), name).is_ok();
        say(&format!("{name}: {}", if ok { "clean" } else { "FAILED" }));
        if ok {
            passed += 1;
        } else {
            failed += 1;
        }
    }
    Phase {
        name: "lint",
        passed,
        failed,
        skipped: 0,
        ok: failed == 0,
    }
}

/// Benchmarks in headless Chromium (ormlab's engine vs sql.js).
pub fn bench(args: &[String]) -> Result {
    setup::all(true)?;
    build_dist()?;
    let root = root();
    let mut mounts = dist_mounts();
    mounts.push(Mount {
        prefix: "/bench/".into(),
        dir: root.join("bench/page"),
    });
    mounts.push(Mount {
        prefix: "/vendor/sqljs/".into(),
        dir: root.join("node_modules/sql.js/dist"),
    });
    let port = serve::start(0, mounts).map_err(|e| format!("cannot listen: {e}"))?;
    let (raw, gz) = dist_size()?;
    // `--only` picks workloads by family: W1–W7/S (bench/bench.mjs, against sql.js),
    // O1–O3 (bench/orm.mjs in the browser + `cargo bench --bench orm` natively) and
    // P1/P2 (bench/persist.mjs); without `--only`, all of them.
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .cloned()
        .or_else(|| {
            args.iter()
                .find_map(|a| a.strip_prefix("--only=").map(str::to_owned))
        });
    let picked: Vec<String> = only
        .as_deref()
        .map(|o| {
            o.split(',')
                .map(|w| w.trim().to_ascii_uppercase())
                .filter(|w| !w.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let family = |f: char| -> Vec<String> {
        picked
            .iter()
            .filter(|w| w.starts_with(f))
            .cloned()
            .collect()
    };
    let all = picked.is_empty();
    let runs: Vec<String> = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .map(|n| vec!["--runs".to_owned(), n.clone()])
        .unwrap_or_default();
    let engine: Vec<String> = picked
        .iter()
        .filter(|w| w.starts_with('W') || *w == "S")
        .cloned()
        .collect();
    if all || !engine.is_empty() {
        let mut cmd = Command::new("node");
        cmd.arg("bench/bench.mjs").args(&runs);
        if !all {
            cmd.args(["--only", &engine.join(",")]);
        }
        cmd.args(args.iter().filter(|a| a.starts_with("--diag")))
            .env("ORMLAB_URL", format!("http://127.0.0.1:{port}/"))
            .env("ORMLAB_DIST_RAW", raw.to_string())
            .env("ORMLAB_DIST_GZIP", gz.to_string())
            .current_dir(&root);
        setup::run(&mut cmd, "benchmark")?;
    }
    let orm = family('O');
    if all || !orm.is_empty() {
        say("ORM workloads O1–O3 in the browser (bench/orm.mjs)");
        let mut cmd = Command::new("node");
        cmd.arg("bench/orm.mjs").args(&runs);
        if !all {
            cmd.args(["--only", &orm.join(",")]);
        }
        cmd.env("ORMLAB_URL", format!("http://127.0.0.1:{port}/"))
            .current_dir(&root);
        setup::run(&mut cmd, "ORM benchmark (browser)")?;
        say("ORM workloads O1–O3 natively (cargo bench --bench orm)");
        let mut cmd = Command::new("cargo");
        cmd.args(["bench", "--bench", "orm", "--"])
            .args(&runs)
            .current_dir(&root);
        setup::run(&mut cmd, "ORM benchmark (native)")?;
    }
    if all || !family('P').is_empty() {
        say("persistence workloads P1, P2 (bench/persist.mjs)");
        let mut cmd = Command::new("node");
        cmd.arg("bench/persist.mjs")
            .env("ORMLAB_URL", format!("http://127.0.0.1:{port}/"))
            .current_dir(&root);
        setup::run(&mut cmd, "persistence benchmark")?;
    }
    Ok(())
}
