//! The results area: one block per statement, and the error list.

use crate::db::Cell;
use crate::engine::{Block, BlockKind, EngineError, decode_cells};
use crate::web::grid::Grid;
use crate::web::numbers::fixed;
use leptos::prelude::*;

/// One statement's result as shown.
#[derive(Clone)]
pub struct ShownBlock {
    /// Position in the list (stable key).
    pub key: usize,
    /// The engine's block.
    pub block: Block,
    /// Decoded first page, for row blocks.
    pub first: Vec<Vec<Cell>>,
}

impl ShownBlock {
    /// Decodes a block for display.
    pub fn new(key: usize, block: Block) -> Self {
        let first = match &block.kind {
            BlockKind::Rows { first, .. } => decode_cells(first),
            _ => Vec::new(),
        };
        ShownBlock { key, block, first }
    }
}

fn ms(elapsed: f64) -> String {
    if elapsed < 1.0 {
        format!("{} ms", fixed(elapsed, 2))
    } else {
        format!("{} ms", fixed(elapsed, 1))
    }
}

/// A result block.
#[component]
pub fn ResultBlock(
    /// The block to show.
    shown: ShownBlock,
) -> impl IntoView {
    let ShownBlock { block, first, .. } = shown;
    let time = ms(block.elapsed_ms);
    let csv_of = match &block.kind {
        BlockKind::Rows { result, .. } => Some((*result, block.line)),
        _ => None,
    };
    let (summary, body, class) = match block.kind {
        BlockKind::Rows {
            result,
            columns,
            total,
            ..
        } => {
            let summary = format!("{total} row{} · {time}", if total == 1 { "" } else { "s" });
            let body = if columns.is_empty() {
                view! { <div class="empty">"no columns"</div> }.into_any()
            } else {
                view! { <Grid result=Some(result) columns=columns total=total first=first /> }
                    .into_any()
            };
            (summary, body, "block rows")
        }
        BlockKind::Done { changes, ddl } => {
            let summary = if ddl {
                format!("OK · {time}")
            } else {
                format!(
                    "{changes} row{} affected · {time}",
                    if changes == 1 { "" } else { "s" }
                )
            };
            (summary, ().into_any(), "block done")
        }
        BlockKind::Error(e) => (
            format!("error at {}:{}", e.line, e.col),
            view! { <div class="block-error">{e.message}</div> }.into_any(),
            "block failed",
        ),
    };
    view! {
        <section class=class data-line=block.line>
            <header class="block-head">
                <code class="block-sql" title=block.sql.clone()>{block.sql.clone()}</code>
                <span class="block-meta">{format!("line {} · ", block.line)}{summary}</span>
                {csv_of.map(|(result, line)| view! {
                    <button class="btn small" data-testid="result-csv" title="Download these rows as CSV"
                        on:click=move |_| download_csv(result, line)>"⬇ CSV"</button>
                })}
            </header>
            {body}
        </section>
    }
}

/// Fetches a whole result as CSV from the engine and offers it as a download.
fn download_csv(result: u32, line: u32) {
    leptos::task::spawn_local(async move {
        match crate::web::bridge::call(&crate::engine::Request::ResultCsv { result }).await {
            crate::engine::Response::Csv { text } => crate::web::storage::download(
                &format!("result-line-{line}.csv"),
                text.as_bytes(),
                "text/csv",
            ),
            _ => {
                web_sys::console::warn_1(&"ormlab: that result is gone; run the query again".into())
            }
        }
    });
}

/// An error and the editor it belongs to (an index into the page's tabs).
#[derive(Debug, Clone)]
pub struct ShownError {
    /// Which editor the position refers to.
    pub target: usize,
    /// The error.
    pub error: EngineError,
}

impl ShownError {
    /// An error without a position.
    pub fn plain(message: String) -> Self {
        ShownError {
            target: usize::MAX,
            error: EngineError::plain(message),
        }
    }
}

/// The error list; clicking an error moves that editor's cursor there.
#[component]
pub fn ErrorList(
    /// The errors of the last run.
    errors: Signal<Vec<ShownError>>,
    /// Called with `(editor, line, col)` when an error is clicked.
    on_pick: Callback<(usize, u32, u32)>,
) -> impl IntoView {
    view! {
        <ul class="errors" data-testid="errors" aria-live="polite">
            {move || {
                errors
                    .get()
                    .into_iter()
                    .map(|ShownError { target, error: e }| {
                        let (line, col) = (e.line, e.col);
                        let text = e.to_string();
                        let class = if e.interrupted { "error interrupted" } else { "error" };
                        view! {
                            <li class=class on:click=move |_| on_pick.run((target, line, col))>
                                <span class="error-icon" aria-hidden="true">{if e.interrupted { "■" } else { "✖" }}</span>
                                {text}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
