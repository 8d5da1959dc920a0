//! The History view of the output pane: this workspace's runs, newest first, each
//! with its time, kind, summary and outcome, and a Restore action that puts the
//! code that ran back into its editors (without running it). Loaded when the view
//! is first opened, reloaded whenever it is opened and after each recorded run
//! while it is open.
//!
//! Test ids: `history-open` (the tab that shows it, in `web::app`), `history`
//! (the panel), `history-entry` (each run, with `data-kind` = `sql`/`script` and
//! `data-ok`), `history-restore` (inside an entry), `history-clear`.

use crate::core::history::{RunCode, RunRecord};
use crate::web::history;
use crate::web::workspace::current;
use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;

/// What the panel has loaded.
#[derive(Clone, Debug, PartialEq)]
enum Loaded {
    /// Nothing yet (the view was never opened, or the first load runs).
    NotYet,
    /// The runs, newest first.
    Runs(Vec<RunRecord>),
    /// Why the history could not be read.
    Failed(String),
}

/// The history view's state. The page owns it (not the panel), so a load that
/// finishes after the panel is hidden still lands somewhere alive.
#[derive(Clone, Copy)]
pub struct History {
    /// True while the History view is shown.
    pub open: RwSignal<bool>,
    /// Bumped after each run is recorded.
    rev: RwSignal<u32>,
    loaded: RwSignal<Loaded>,
    /// Which entry (by `at`) was restored last, to say so next to it.
    restored: RwSignal<Option<f64>>,
    load_seq: StoredValue<u32>,
}

impl History {
    /// Creates the state and the effect that loads the history whenever the view is
    /// opened, and again after each recorded run while it is open.
    pub fn new() -> Self {
        let h = History {
            open: RwSignal::new(false),
            rev: RwSignal::new(0),
            loaded: RwSignal::new(Loaded::NotYet),
            restored: RwSignal::new(None),
            load_seq: StoredValue::new(0),
        };
        Effect::new(move |_| {
            h.rev.track();
            if h.open.get() {
                h.reload();
            }
        });
        h
    }

    /// Tells the view a run was recorded (it reloads if shown, and forgets which
    /// entry was restored last).
    pub fn recorded(&self) {
        self.restored.set(None);
        self.rev.update(|r| *r = r.wrapping_add(1));
    }

    fn reload(self) {
        let seq = self.load_seq.get_value().wrapping_add(1);
        self.load_seq.set_value(seq);
        spawn_local(async move {
            let got = match history::list(&current()).await {
                Ok(runs) => Loaded::Runs(runs),
                Err(e) => Loaded::Failed(format!("could not read the run history: {e}")),
            };
            // A newer load was started meanwhile: it has the fresher answer.
            if self.load_seq.get_value() == seq {
                self.loaded.set(got);
            }
        });
    }
}

impl Default for History {
    fn default() -> Self {
        Self::new()
    }
}

/// Formats run times in the person's locale: `14:03:27` today, `Mar 3, 14:03`
/// earlier this year, `Mar 3, 2024, 14:03` before; and the full date and time
/// (for the tooltip). The formatters are made once per list, not per entry.
struct Clock {
    today: String,
    year: u32,
    today_fmt: Function,
    year_fmt: Function,
    older_fmt: Function,
    full_fmt: Function,
}

impl Clock {
    fn new() -> Self {
        let fmt = |opts: &[(&str, &str)]| -> Function {
            let o = Object::new();
            for (k, v) in opts {
                let _ = Reflect::set(&o, &(*k).into(), &(*v).into());
            }
            // No locales: the person's own.
            Intl::DateTimeFormat::new(&Array::new(), &o).format()
        };
        let time = [("hour", "2-digit"), ("minute", "2-digit")];
        let day = [("month", "short"), ("day", "numeric")];
        let now = Date::new_0();
        Clock {
            today: now.to_date_string().into(),
            year: now.get_full_year(),
            today_fmt: fmt(&[time[0], time[1], ("second", "2-digit")]),
            year_fmt: fmt(&[day[0], day[1], time[0], time[1]]),
            older_fmt: fmt(&[day[0], day[1], ("year", "numeric"), time[0], time[1]]),
            full_fmt: fmt(&[("dateStyle", "full"), ("timeStyle", "medium")]),
        }
    }

    /// `(short, full)` for a time in ms since the epoch.
    fn when(&self, at: f64) -> (String, String) {
        let date = Date::new(&at.into());
        let short = if date.to_date_string() == self.today {
            &self.today_fmt
        } else if date.get_full_year() == self.year {
            &self.year_fmt
        } else {
            &self.older_fmt
        };
        let call = |f: &Function| {
            f.call1(&JsValue::NULL, &date)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_default()
        };
        (call(short), call(&self.full_fmt))
    }
}

fn confirm(msg: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(msg).ok())
        .unwrap_or(false)
}

/// The History panel: the list of runs with Restore, and Clear history.
#[component]
pub fn HistoryPanel(
    /// The page's history state.
    history: History,
    /// Puts a run's code back into its editors.
    on_restore: Callback<RunCode>,
) -> impl IntoView {
    let note = RwSignal::new(None::<String>);
    let clear = move |_| {
        let ws = current();
        if !confirm(&format!(
            "Clear the run history of workspace “{ws}”? This cannot be undone."
        )) {
            return;
        }
        spawn_local(async move {
            match history::clear(&ws).await {
                Ok(()) => {
                    note.set(None);
                    history.reload();
                }
                Err(e) => note.set(Some(format!("could not clear the run history: {e}"))),
            }
        });
    };
    let count = move || match &*history.loaded.read() {
        Loaded::Runs(r) if r.len() == 1 => "1 run".to_owned(),
        Loaded::Runs(r) => format!("{} runs, newest first", r.len()),
        _ => String::new(),
    };
    let empty = move || matches!(&*history.loaded.read(), Loaded::Runs(r) if r.is_empty());
    let entry = move |clock: &Clock, run: RunRecord| {
        let (short, full) = clock.when(run.at);
        let at = run.at;
        let kind = run.kind.clone();
        let preview = run.code.as_ref().map(RunCode::preview).unwrap_or_default();
        let summary = run.summary_line().to_owned();
        let code = run.code.clone();
        let restorable = code.is_some();
        let restore = move |_| {
            if let Some(c) = code.clone() {
                on_restore.run(c);
                history.restored.set(Some(at));
            }
        };
        let (mark, outcome) = if run.ok {
            ("✓", "ran without errors")
        } else {
            ("✕", "failed")
        };
        let restore_title = if restorable {
            format!(
                "Put this {} back into {} (does not run it)",
                if kind == "sql" { "SQL" } else { "code" },
                if kind == "sql" {
                    "the SQL console"
                } else {
                    "models.py and script.py"
                }
            )
        } else {
            "This run was recorded before ormlab kept the code of each run".to_owned()
        };
        view! {
            <li class="history-entry" class:failed=!run.ok data-testid="history-entry"
                data-kind=kind.clone() data-ok=run.ok.to_string()>
                <span class="history-mark" title=outcome aria-label=outcome>{mark}</span>
                <time class="history-time" title=full>{short}</time>
                <span class="history-kind" class:sql=kind == "sql">{run.kind_label().to_owned()}</span>
                <div class="history-main">
                    <div class="history-summary" title=summary.clone()>{summary.clone()}</div>
                    {(!preview.is_empty()).then(|| view! {
                        <code class="history-code" title=preview.clone()>{preview.clone()}</code>
                    })}
                </div>
                <button class="btn small" data-testid="history-restore" disabled=!restorable
                    title=restore_title on:click=restore>
                    {move || if history.restored.get() == Some(at) { "Restored ✓" } else { "Restore" }}
                </button>
            </li>
        }
    };
    view! {
        <section class="panel history" data-testid="history">
            <header class="panel-head">
                "Run history"
                <span class="panel-meta">{count}</span>
                <button class="btn small" data-testid="history-clear" on:click=clear
                    disabled=empty title="Delete every run of this workspace from the history">
                    "Clear history"
                </button>
            </header>
            {move || note.get().map(|n| view! { <p class="block-error">{n}</p> })}
            {move || match history.loaded.get() {
                Loaded::NotYet => view! { <p class="empty">"Loading the run history…"</p> }.into_any(),
                Loaded::Failed(e) => view! { <p class="block-error">{e}</p> }.into_any(),
                Loaded::Runs(runs) if runs.is_empty() => view! {
                    <p class="empty">"No runs yet. Each time you run the script or the SQL console, it is listed here and can be restored."</p>
                }.into_any(),
                Loaded::Runs(runs) => {
                    let clock = Clock::new();
                    view! {
                        <ol class="history-list">
                            {runs.into_iter().map(|r| entry(&clock, r)).collect_view()}
                        </ol>
                    }.into_any()
                }
            }}
        </section>
    }
}
