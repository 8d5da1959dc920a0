//! The native command line (`ormlab`): runs the same engine as the page.

mod table;

pub use table::render_table;

use crate::engine::{BlockKind, Engine, Request, Response, decode_rows};
use std::io::Read;

const USAGE: &str = "usage: ormlab <command>

commands:
  sql [FILE | -]       run SQL statements (from FILE, or stdin) against an in-memory
                       SQLite database and print each statement's result
  sql -e 'SQL'         the same, for SQL given on the command line
  run [--models FILE] [--sql-log] SCRIPT.py
                       run a Flask-SQLAlchemy script (prints what Python would print)
  version              print ormlab's and SQLite's versions
";

/// Runs the CLI with `args` (without the program name); returns the exit code.
pub fn main(args: &[String]) -> i32 {
    match args.first().map(String::as_str) {
        Some("sql") => sql(&args[1..]),
        Some("run") => run_script(&args[1..]),
        Some("version" | "--version") => {
            println!(
                "ormlab {} (SQLite {})",
                env!("CARGO_PKG_VERSION"),
                crate::db::Database::sqlite_version()
            );
            0
        }
        _ => {
            eprint!("{USAGE}");
            2
        }
    }
}

fn sql(args: &[String]) -> i32 {
    let text = match args {
        [flag, sql] if flag == "-e" => sql.clone(),
        [] => read_stdin(),
        [path] if path == "-" => read_stdin(),
        [path] => match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("ormlab: cannot read {path}: {e}");
                return 1;
            }
        },
        _ => {
            eprint!("{USAGE}");
            return 2;
        }
    };
    let mut engine = match Engine::new() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("ormlab: {e}");
            return 1;
        }
    };
    let (resp, _) = engine.handle(
        Request::RunSql {
            sql: text,
            range: None,
            page: usize::MAX,
        },
        None,
    );
    let Response::Ran { blocks, .. } = resp else {
        eprintln!("ormlab: unexpected engine answer");
        return 1;
    };
    let mut code = 0;
    for block in blocks {
        match block.kind {
            BlockKind::Rows {
                columns,
                first,
                total,
                ..
            } => {
                let rows = decode_rows(&first);
                print!("{}", render_table(&columns, &rows));
                println!("({total} row{})", if total == 1 { "" } else { "s" });
            }
            BlockKind::Done { changes, ddl } => {
                if !ddl {
                    println!(
                        "{changes} row{} affected",
                        if changes == 1 { "" } else { "s" }
                    );
                }
            }
            BlockKind::Error(e) => {
                eprintln!("error: {e}");
                code = 1;
            }
        }
    }
    code
}

fn read_stdin() -> String {
    let mut s = String::new();
    let _ = std::io::stdin().read_to_string(&mut s);
    s
}

fn run_script(args: &[String]) -> i32 {
    use crate::core::interp::{RunOptions, Source, run};
    let mut models = None;
    let mut sql_log = false;
    let mut script = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--models" if i + 1 < args.len() => {
                models = Some(args[i + 1].clone());
                i += 1;
            }
            "--sql-log" => sql_log = true,
            other => script = Some(other.to_string()),
        }
        i += 1;
    }
    let Some(script) = script else {
        eprint!("{USAGE}");
        return 2;
    };
    let mut sources = vec![];
    for (name, path) in models
        .iter()
        .map(|m| ("models.py", m))
        .chain(std::iter::once(("script.py", &script)))
    {
        match std::fs::read_to_string(path) {
            Ok(t) => sources.push(Source::new(name, &t)),
            Err(e) => {
                eprintln!("ormlab: cannot read {path}: {e}");
                return 1;
            }
        }
    }
    let db = match crate::db::Database::open_in_memory() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("ormlab: {e}");
            return 1;
        }
    };
    let sources_for_thread = sources.clone();
    // SQLAlchemy's SQLite connections do not enforce foreign keys unless asked to.
    let _ = db.execute_batch("PRAGMA foreign_keys = OFF");
    // Run on a big stack so Python's own recursion limit (1000 calls) is what stops deep recursion.
    let out = std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(move || {
            let opts = RunOptions {
                stack_budget: 400 << 20,
                ..Default::default()
            };
            run(&sources_for_thread, &mut db.script_backend(), opts)
        })
        .ok()
        .and_then(|h| h.join().ok());
    let Some(out) = out else {
        println!("Traceback: SystemError: the interpreter stopped unexpectedly");
        return 0;
    };
    if !out.diagnostics.is_empty() {
        for (i, d) in &out.diagnostics {
            let idx = crate::core::diag::LineIndex::new(&sources[*i].text);
            let lc = idx.line_col(d.span.start);
            eprintln!("{}:{}: {}", sources[*i].name, lc, d.message);
        }
        let (_, d) = &out.diagnostics[0];
        println!("Traceback: SyntaxError: {}", d.message);
        return 0;
    }
    print!("{}", out.stdout);
    eprint!("{}", out.stderr);
    if sql_log {
        for s in &out.sql_log {
            eprintln!("{}", s.sql);
            if !s.params.is_empty() {
                eprintln!("{}", s.params);
            }
        }
    }
    if let Some(e) = &out.error {
        eprintln!(
            "{}:{}:{}: {}: {}",
            sources[e.source].name, e.line, e.col, e.class, e.message
        );
    }
    0
}
