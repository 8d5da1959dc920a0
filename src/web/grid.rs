//! A virtualized result grid: only the rows in view are in the DOM, rows beyond the
//! first page are fetched from the engine page by page as the user scrolls.

use crate::core::fxhash::{FxMap, FxSet};
use crate::db::{Cell, ResultColumn};
use crate::engine::{Request, Response, decode_cells};
use crate::web::bridge;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Height of one row, in CSS pixels (the stylesheet uses the same value).
pub const ROW_PX: usize = 24;
/// [`ROW_PX`] for scroll arithmetic.
pub const ROW_HEIGHT: f64 = ROW_PX as f64;
/// Rows per page fetched from the engine.
pub const PAGE: usize = 500;
/// Visible height of a grid, at most.
const MAX_HEIGHT: f64 = 420.0;
/// Rows rendered beyond the visible ones, above and below.
const OVERSCAN: usize = 8;

/// The grid of one result set.
#[component]
pub fn Grid(
    /// Result id for fetching rows beyond `first` (None: `first` holds every row).
    result: Option<u32>,
    /// Column names and declared types.
    columns: Vec<ResultColumn>,
    /// Total row count.
    total: usize,
    /// The first page of rows.
    first: Vec<Vec<Cell>>,
) -> impl IntoView {
    let widths = column_widths(&columns, &first);
    let template = std::iter::once(format!("{}ch", total.to_string().len().max(2) + 2))
        .chain(widths.iter().map(|w| format!("minmax({w}ch, 1fr)")))
        .collect::<Vec<_>>()
        .join(" ");
    let pages: RwSignal<FxMap<usize, Vec<Vec<Cell>>>> =
        RwSignal::new(FxMap::from_iter([(0, first)]));
    let requested: StoredValue<FxSet<usize>> = StoredValue::new(FxSet::from_iter([0]));
    let scroll_top = RwSignal::new(0.0f64);
    let body_height = total as f64 * ROW_HEIGHT;
    let viewport = (body_height + ROW_HEIGHT + 2.0).min(MAX_HEIGHT);
    let visible = move || {
        let top = scroll_top.get();
        let first_row = ((top / ROW_HEIGHT) as usize).saturating_sub(OVERSCAN);
        let count = (viewport / ROW_HEIGHT) as usize + 2 * OVERSCAN + 1;
        first_row..(first_row + count).min(total)
    };
    // Fetch the pages the visible rows need.
    Effect::new(move |_| {
        let range = visible();
        if range.is_empty() {
            return;
        }
        let Some(result) = result else { return };
        for page in range.start / PAGE..=(range.end - 1) / PAGE {
            let fresh = requested
                .try_update_value(|r| r.insert(page))
                .unwrap_or(false);
            if !fresh {
                continue;
            }
            spawn_local(async move {
                let req = Request::FetchRows {
                    result,
                    offset: page * PAGE,
                    limit: PAGE,
                };
                if let Response::Rows { rows } = bridge::call(&req).await {
                    let rows = decode_cells(&rows);
                    pages.update(|p| {
                        p.insert(page, rows);
                    });
                }
            });
        }
    });
    let header = columns
        .iter()
        .map(|c| {
            let ty = c.decltype.clone();
            view! {
                <div class="cell head" title=format!("{} {}", c.name, c.decltype)>
                    <span class="col-name">{c.name.clone()}</span>
                    {(!ty.is_empty()).then(|| view! { <span class="col-type">{ty}</span> })}
                </div>
            }
        })
        .collect_view();
    let rows = move || {
        let range = visible();
        pages.with(|p| {
            range
                .map(|i| {
                    let row = p.get(&(i / PAGE)).and_then(|page| page.get(i % PAGE));
                    let cells = match row {
                        Some(r) => r.iter().map(cell_view).collect_view().into_any(),
                        None => view! { <div class="cell loading">"…"</div> }.into_any(),
                    };
                    view! {
                        <div class="row" style:top=format!("{}px", i * ROW_PX) data-row=i>
                            <div class="cell rownum">{i + 1}</div>
                            {cells}
                        </div>
                    }
                })
                .collect_view()
        })
    };
    // Whole pixels: the page formats no floats (see `web::numbers`).
    let style = format!("--grid-cols: {template}; height: {}px", viewport as u64);
    view! {
        <div class="grid" style=style role="grid" aria-rowcount=total
            on:scroll=move |ev| {
                let el: web_sys::Element = event_target(&ev);
                scroll_top.set(el.scroll_top() as f64);
            }>
            <div class="row header">
                <div class="cell head rownum">"#"</div>
                {header}
            </div>
            <div class="grid-body" style:height=format!("{}px", total * ROW_PX)>{rows}</div>
        </div>
    }
}

fn cell_view(v: &Cell) -> impl IntoView + use<> {
    match v.text() {
        None => view! { <div class="cell null" title="NULL">"NULL"</div> }.into_any(),
        Some(text) => {
            let text = text.to_owned();
            let class = match v {
                Cell::Number(_) => "cell num",
                Cell::Blob(_) => "cell blob",
                _ => "cell",
            };
            let shown: String = text.chars().take(500).collect();
            view! { <div class=class title=text>{shown}</div> }.into_any()
        }
    }
}

/// A width in characters per column, from the header and the first page.
fn column_widths(columns: &[ResultColumn], first: &[Vec<Cell>]) -> Vec<usize> {
    columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let head = c.name.chars().count()
                + if c.decltype.is_empty() {
                    0
                } else {
                    c.decltype.chars().count() + 1
                };
            let body = first
                .iter()
                .take(200)
                .filter_map(|r| r.get(i))
                .map(|v| v.text().map(|s| s.chars().count()).unwrap_or(4))
                .max()
                .unwrap_or(0);
            head.max(body).clamp(4, 48) + 2
        })
        .collect()
}
