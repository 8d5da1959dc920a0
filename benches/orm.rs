//! O1–O3 of `../shared/bench/workload.md`, natively: the ORM (the Python scripts of
//! `bench/orm/` through the interpreter, each timing its own region with
//! `time.perf_counter()`) against the raw path in the same engine (rusqlite through
//! [`ormlab::db::Database`]: one prepared statement, no ORM). Interleaved, medians, ratios.
//!
//!   cargo bench --bench orm [-- --runs N] [--only O1|O2|O3]
//!
//! Prints one line per workload and writes nothing else; `cargo xtask bench` runs it
//! beside the browser figures of `bench/orm.mjs`.

use std::time::Instant;

use ormlab::core::interp::{RunOptions, Source, run};
use ormlab::db::{Database, Value};

const MODELS: &str = include_str!("../bench/orm/models.py");
const SEED: &str = include_str!("../bench/orm/seed.py");
const O1: &str = include_str!("../bench/orm/o1.py");
const O2: &str = include_str!("../bench/orm/o2.py");
const O3: &str = include_str!("../bench/orm/o3.py");
const BUDGET: [(&str, f64); 3] = [("O1", 1.3), ("O2", 1.5), ("O3", 1.5)];

const USERS_SELECT: &str = "SELECT users.id AS users_id, users.username AS users_username, \
    users.email AS users_email, users.role_id AS users_role_id, users.created_at AS users_created_at \
    FROM users";

/// Runs Python sources on `db` (on a thread with room for deep recursion, as the CLI
/// does); returns the region's milliseconds and the fingerprint line the script printed.
fn script(db: Database, sources: Vec<(&'static str, &'static str)>) -> (Database, f64, String) {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let db = db;
            let srcs: Vec<Source> = sources.iter().map(|(n, t)| Source::new(n, t)).collect();
            let opts = RunOptions {
                stack_budget: 200 << 20,
                ..RunOptions::default()
            };
            let out = run(&srcs, &mut db.script_backend(), opts);
            if let Some(e) = &out.error {
                panic!("bench script failed: {e:?}\n{}", out.stdout);
            }
            let line = |p: &str| {
                out.stdout
                    .lines()
                    .find_map(|l| l.strip_prefix(p))
                    .unwrap_or_default()
                    .to_owned()
            };
            let ms: f64 = line("ms ").parse().expect("the script prints `ms <float>`");
            (db, ms, line("fp "))
        })
        .expect("thread")
        .join()
        .expect("bench thread")
}

/// Runs `f` with `db` on a thread made as [`script`]'s is, so that the raw path is
/// measured under the same conditions as the script: glibc's allocator gives each thread
/// an arena of its own, and a fresh one (taken on, or grown anew) costs both paths alike.
/// (On the main thread the raw path reused the arena that earlier runs had grown: O3's
/// raw lookups took 17 ms there against 24 ms here, the script's ~30 ms unchanged.)
fn on_thread<T: Send>(db: Database, f: impl FnOnce(&Database) -> T + Send) -> (Database, T) {
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn_scoped(s, move || {
                let out = f(&db);
                (db, out)
            })
            .expect("thread")
            .join()
            .expect("raw path thread")
    })
}

/// The raw path of workload `w` on `db`: its milliseconds, and for O2/O3 the fingerprint
/// the script prints (O1's is read from the database afterwards).
fn raw_path(
    w: &str,
    db: &Database,
    rows: &[Vec<Value>],
    ids: &[Vec<Value>],
) -> (f64, Option<String>) {
    let t = Instant::now();
    match w {
        "O1" => {
            // The rows are the raw path's input, made before the clock starts (as
            // o1.py builds its tuples untimed): only the inserting is timed.
            let batch = rows.to_vec();
            let t0 = Instant::now();
            db.run_many(
                "INSERT INTO users (id, username, email, role_id, created_at) VALUES (?, ?, ?, ?, ?)",
                batch,
            )
            .expect("W1");
            (t0.elapsed().as_secs_f64() * 1000.0, None)
        }
        "O2" => {
            let r = db.query_many(USERS_SELECT, &[vec![]]).expect("select");
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            let rows: Vec<&Vec<Value>> = r[0].iter().collect();
            // What o2.py prints: count, sum(id), sum(role_id), sum of name lengths.
            let fp = format!(
                "{} {} {} {}",
                rows.len(),
                sum(&rows, |r| int(&r[0])),
                sum(&rows, |r| int(&r[3])),
                sum(&rows, |r| text_len(&r[1]) + text_len(&r[2]))
            );
            (ms, Some(fp))
        }
        _ => {
            let r = db
                .query_many(&format!("{USERS_SELECT} WHERE users.id = ?"), ids)
                .expect("lookups");
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            let rows: Vec<&Vec<Value>> = r.iter().filter_map(|set| set.first()).collect();
            // What o3.py prints: count, sum(id), sum(len(email)) of the found users.
            let fp = format!(
                "{} {} {}",
                rows.len(),
                sum(&rows, |r| int(&r[0])),
                sum(&rows, |r| text_len(&r[2]))
            );
            (ms, Some(fp))
        }
    }
}

fn int(v: &Value) -> i64 {
    match v {
        Value::Integer(i) => *i,
        _ => 0,
    }
}

fn text_len(v: &Value) -> i64 {
    match v {
        Value::Text(t) => t.chars().count() as i64,
        _ => 0,
    }
}

fn sum(rows: &[&Vec<Value>], f: impl Fn(&Vec<Value>) -> i64) -> i64 {
    rows.iter().map(|r| f(r)).sum()
}

fn users() -> Vec<Vec<Value>> {
    (1..=100_000i64)
        .map(|i| {
            let secs = i * 61;
            let (d, s) = (secs / 86_400, secs % 86_400);
            vec![
                Value::Integer(i),
                Value::Text(format!("user{i}")),
                Value::Text(format!("user{i}@example{}.com", i % 7)),
                Value::Integer(1 + i % 5),
                Value::Text(format!(
                    "{} {:02}:{:02}:{:02}",
                    date_after_2020(d),
                    s / 3600,
                    s / 60 % 60,
                    s % 60
                )),
            ]
        })
        .collect()
}

/// `YYYY-MM-DD`, `days` after 2020-01-01.
fn date_after_2020(days: i64) -> String {
    let (mut y, mut d) = (2020i64, days);
    loop {
        let len = if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 {
            366
        } else {
            365
        };
        if d < len {
            break;
        }
        d -= len;
        y += 1;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let months = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let mut m = 0;
    while d >= months[m] {
        d -= months[m];
        m += 1;
    }
    format!("{y:04}-{:02}-{:02}", m + 1, d + 1)
}

fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let runs = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(3usize)
        .max(1);
    // `--only O2` runs one workload (for profiling).
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let rows = users();
    let ids: Vec<Vec<Value>> = (0..10_000i64)
        .map(|k| vec![Value::Integer(1 + (k * 7919) % 100_000)])
        .collect();
    let mut figures = Vec::new();
    for (w, budget) in BUDGET {
        if only.as_deref().is_some_and(|o| o != w) {
            continue;
        }
        let (mut orm_ms, mut raw_ms) = (Vec::new(), Vec::new());
        let mut fps = (String::new(), String::new());
        for _ in 0..runs {
            let db = Database::open_in_memory().expect("db");
            let sources = match w {
                "O1" => vec![("models.py", MODELS), ("o1.py", O1)],
                "O2" => vec![("models.py", MODELS), ("seed.py", SEED), ("o2.py", O2)],
                _ => vec![("models.py", MODELS), ("seed.py", SEED), ("o3.py", O3)],
            };
            let (db, ms, fp) = script(db, sources);
            orm_ms.push(ms);
            fps.0 = fp;
            // O1's raw path starts from the state the ORM's run started from: a fresh
            // in-memory database with the same schema (the ORM database's DDL, replayed in
            // `sqlite_master` order) and the same 5 roles, made before the clock starts.
            // (It used to run on the ORM's database after `DELETE FROM users`, reusing the
            // pages and the allocator's memory the ORM's run had already paid for.) The
            // ORM's database is dropped first, as the raw database of the run before is
            // dropped before the ORM's next run starts. O2 and O3 read the seeded database
            // the ORM has just read, with the SELECT the ORM sends: the same state already.
            let db = if w == "O1" {
                let ddl = db
                    .query_many(
                        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid",
                        &[vec![]],
                    )
                    .expect("schema");
                let roles = db
                    .query_many("SELECT id, name FROM roles ORDER BY id", &[vec![]])
                    .expect("roles");
                drop(db);
                let fresh = Database::open_in_memory().expect("db");
                for row in &ddl[0] {
                    if let Value::Text(sql) = &row[0] {
                        fresh.execute_batch(sql).expect("schema");
                    }
                }
                fresh
                    .run_many(
                        "INSERT INTO roles (id, name) VALUES (?, ?)",
                        roles[0].clone(),
                    )
                    .expect("roles");
                fresh
            } else {
                db
            };
            // The raw path, same engine, same data, on a thread made as the script's is.
            let (db, (ms, fp)) = on_thread(db, |db| raw_path(w, db, &rows, &ids));
            raw_ms.push(ms);
            if let Some(fp) = fp {
                fps.1 = fp;
            }
            if w == "O1" {
                let fp = db
                    .query_many(
                        "SELECT count(*), sum(id), sum(role_id), sum(length(username) + length(email)) FROM users",
                        &[vec![]],
                    )
                    .expect("fp");
                let v: Vec<String> = fp[0][0].iter().map(|v| int(v).to_string()).collect();
                // As o1.py prints its Row: a tuple.
                fps.1 = format!("({})", v.join(", "));
            }
            assert_eq!(
                fps.0, fps.1,
                "{w}: the ORM and the raw path disagree on the fingerprint"
            );
        }
        let (o, r) = (median(&mut orm_ms), median(&mut raw_ms));
        let ratio = o / r;
        println!(
            "{w}: ORM {o:.1} ms | raw {r:.1} ms | {ratio:.2}× (budget ≤ {budget}×{}) · ORM fp {} · raw fp {}",
            if ratio <= budget { ", ok" } else { ", over" },
            fps.0,
            fps.1
        );
        figures.push((w, o, r, ratio, budget));
    }
    println!("\n| workload | ORM (native) | raw path | ratio | budget |\n|---|---|---|---|---|");
    for (w, o, r, ratio, budget) in figures {
        println!(
            "| {w} | {o:.1} ms | {r:.1} ms | {ratio:.2}× | ≤ {budget}× {} |",
            if ratio <= budget { "✓" } else { "✗" }
        );
    }
}
