//! Spotting the N+1 query pattern in a SQL log: the same SELECT sent once per row of
//! an earlier result, which eager loading (`joinedload` / `selectinload`) would turn
//! into one or two statements.

/// How many times the same SELECT must repeat (with different parameters) to be flagged.
pub const THRESHOLD: usize = 3;

/// For each statement `(sql, params)` of a log, a note when it belongs to an N+1 run:
/// the same SELECT text sent at least [`THRESHOLD`] times in a row (ignoring
/// transaction control), each time with different parameters. The note goes on the
/// first statement of the run and says how often it repeated and what to do.
pub fn detect(log: &[(&str, &str)]) -> Vec<Option<String>> {
    let mut notes = vec![None; log.len()];
    let mut i = 0;
    while i < log.len() {
        let (sql, _) = log[i];
        if !is_select(sql) || is_batched(sql) {
            i += 1;
            continue;
        }
        let mut members = vec![i];
        let mut j = i + 1;
        while j < log.len() {
            let (next, _) = log[j];
            if is_transaction_control(next) {
                j += 1;
                continue;
            }
            if next != sql {
                break;
            }
            members.push(j);
            j += 1;
        }
        let mut params: Vec<&str> = members.iter().map(|&m| log[m].1).collect();
        crate::core::sort::sort(&mut params);
        params.dedup();
        if members.len() >= THRESHOLD && params.len() == members.len() {
            let table = lazy_target(sql)
                .map(|t| format!(" (loading `{t}` rows one parent at a time)"))
                .unwrap_or_default();
            notes[i] = Some(format!(
                "N+1 queries: this SELECT ran {} times in a row with different parameters{table}. \
                 Load the relationship eagerly in the first query, e.g. \
                 `.options(db.selectinload(Parent.children))` or `db.joinedload(...)`.",
                members.len()
            ));
        }
        i = j.max(i + 1);
    }
    notes
}

fn is_select(sql: &str) -> bool {
    sql.trim_start()
        .get(..6)
        .is_some_and(|s| s.eq_ignore_ascii_case("select"))
}

/// A SELECT for a batch of keys (`IN (?, ?, ...)`), as `selectinload` sends 500 at a time:
/// eager loading already, not the N+1 pattern.
fn is_batched(sql: &str) -> bool {
    sql.contains(" IN (?, ?")
}

fn is_transaction_control(sql: &str) -> bool {
    let s = sql.trim();
    ["BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE"]
        .iter()
        .any(|k| s.get(..k.len()).is_some_and(|p| p.eq_ignore_ascii_case(k)))
}

/// The table a lazy load reads: `... FROM post \nWHERE ? = post.user_id` → `post`.
fn lazy_target(sql: &str) -> Option<&str> {
    let from = sql.find("\nFROM ")? + 6;
    let rest = &sql[from..];
    let end = rest.find([' ', '\n', ',']).unwrap_or(rest.len());
    let table = &rest[..end];
    (!table.is_empty()).then_some(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAZY: &str =
        "SELECT post.id AS post_id, post.title AS post_title \nFROM post \nWHERE ? = post.user_id";

    #[test]
    fn flags_a_select_repeated_per_parent_row() {
        let log = [
            ("SELECT user.id AS user_id \nFROM user", "()"),
            (LAZY, "(1,)"),
            (LAZY, "(2,)"),
            (LAZY, "(3,)"),
            ("COMMIT", "()"),
        ];
        let notes = detect(&log);
        assert!(notes[0].is_none());
        let note = notes[1].as_deref().unwrap();
        assert!(note.contains("ran 3 times"), "{note}");
        assert!(note.contains("`post`"), "{note}");
        assert!(notes[2].is_none() && notes[3].is_none());
    }

    #[test]
    fn repeated_identical_queries_and_short_runs_are_not_flagged() {
        assert!(
            detect(&[(LAZY, "(1,)"), (LAZY, "(2,)")])
                .iter()
                .all(Option::is_none)
        );
        assert!(
            detect(&[(LAZY, "(1,)"), (LAZY, "(1,)"), (LAZY, "(1,)")])
                .iter()
                .all(Option::is_none)
        );
        assert!(
            detect(&[("INSERT INTO t VALUES (?)", "(1,)"); 5])
                .iter()
                .all(Option::is_none)
        );
    }

    /// `selectinload()` of 2000 parents: four SELECTs of 500 keys each.
    #[test]
    fn selectin_batches_are_not_flagged() {
        let batch = format!(
            "SELECT post.user_id AS post_user_id, post.id AS post_id \nFROM post \nWHERE post.user_id IN ({})",
            vec!["?"; 500].join(", ")
        );
        let log = [
            (batch.as_str(), "(1, 2)"),
            (batch.as_str(), "(3, 4)"),
            (batch.as_str(), "(5, 6)"),
            (batch.as_str(), "(7, 8)"),
        ];
        assert!(detect(&log).iter().all(Option::is_none));
    }

    #[test]
    fn transaction_control_between_repeats_is_ignored() {
        let log = [
            (LAZY, "(1,)"),
            ("BEGIN (implicit)", ""),
            (LAZY, "(2,)"),
            (LAZY, "(3,)"),
        ];
        assert!(detect(&log)[0].is_some());
    }
}
