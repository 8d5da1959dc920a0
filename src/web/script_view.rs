//! Panes for a script run: printed output, printed lists as tables, the SQL log.

use crate::db::{Cell, ResultColumn};
use crate::engine::protocol::{LoggedStatement, PrintedTable};
use crate::web::grid::Grid;
use leptos::prelude::*;

/// What `print` wrote, exactly as Python prints it, plus warnings.
#[component]
pub fn Output(
    /// The script's stdout.
    stdout: Signal<String>,
    /// Warnings (stderr).
    stderr: Signal<String>,
    /// True once a script has run (before that the pane shows a hint).
    ran: Signal<bool>,
) -> impl IntoView {
    view! {
        <section class="panel output-panel">
            <header class="panel-head">"Output"</header>
            <pre class="output" data-testid="output">{move || stdout.get()}</pre>
            {move || {
                let s = stderr.get();
                (!s.is_empty()).then(|| view! { <pre class="warnings" data-testid="warnings">{s}</pre> })
            }}
            {move || {
                (!ran.get()).then(|| view! {
                    <p class="placeholder">"Press "<kbd>"Ctrl+Enter"</kbd>" in the models or script editor to run them."</p>
                })
            }}
        </section>
    }
}

/// A printed list of objects or rows, shown as a grid.
#[component]
pub fn PrintedTableView(
    /// The table.
    table: PrintedTable,
) -> impl IntoView {
    let columns: Vec<ResultColumn> = table
        .columns
        .iter()
        .map(|c| ResultColumn {
            name: c.clone(),
            decltype: String::new(),
        })
        .collect();
    let total = table.rows.len();
    let rows: Vec<Vec<Cell>> = table
        .rows
        .into_iter()
        .map(|r| r.into_iter().map(Cell::Text).collect())
        .collect();
    view! {
        <section class="block rows">
            <header class="block-head">
                <code class="block-sql">{table.title}</code>
                <span class="block-meta">{format!("line {} · {total} row{}", table.line, if total == 1 { "" } else { "s" })}</span>
            </header>
            {if columns.is_empty() {
                view! { <div class="empty">"(empty list)"</div> }.into_any()
            } else {
                view! { <Grid result=None columns=columns total=total first=rows /> }.into_any()
            }}
        </section>
    }
}

/// Every statement the ORM sent, with parameters, time and notes (N+1).
#[component]
pub fn SqlLog(
    /// The log of the last script run.
    log: Signal<Vec<LoggedStatement>>,
) -> impl IntoView {
    view! {
        <section class="panel sql-log-panel">
            <header class="panel-head">
                "SQL log"
                <span class="panel-meta">{move || {
                    let n = log.with(|l| l.iter().filter(|s| !s.sql.is_empty()).count());
                    format!("{n} statement{}", if n == 1 { "" } else { "s" })
                }}</span>
            </header>
            <ol class="sql-log" data-testid="sql-log">
                {move || {
                    log.get()
                        .into_iter()
                        .map(|s| {
                            let note = s.note.clone();
                            let flagged = note.is_some();
                            view! {
                                <li class="sql-entry" class:flagged=flagged>
                                    <pre class="sql-text">{s.sql}</pre>
                                    <div class="sql-meta">
                                        <code class="sql-params">{s.params}</code>
                                        <span class="sql-time">{format!("{} ms", crate::web::numbers::fixed(s.elapsed_ms, 2))}</span>
                                    </div>
                                    {note.map(|n| view! { <p class="sql-note" data-testid="sql-note">"⚠ "{n}</p> })}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </section>
    }
}
