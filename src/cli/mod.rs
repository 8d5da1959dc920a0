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
  version              print ormlab's and SQLite's versions
";

/// Runs the CLI with `args` (without the program name); returns the exit code.
pub fn main(args: &[String]) -> i32 {
    match args.first().map(String::as_str) {
        Some("sql") => sql(&args[1..]),
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
