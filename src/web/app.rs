//! The page: header with Run/Stop, the SQL editor, results, errors and status bar.

use crate::core::diag::utf16_to_byte;
use crate::core::sqltext::statement_at;
use crate::engine::{BlockKind, EngineError, Request, Response};
use crate::web::bridge;
use crate::web::editor::{self, Callbacks, EditorHandle, Mark};
use crate::web::grid::PAGE;
use crate::web::results::{ErrorList, ResultBlock, ShownBlock};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the engine is doing, as the status bar shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum EngineState {
    /// The wasm and the worker are still loading.
    Loading,
    /// Idle.
    Ready,
    /// A statement runs.
    Running,
    /// The worker is being restarted after Stop.
    Restarting,
    /// The engine could not start.
    Failed(String),
}

const WELCOME: &str = "-- Welcome to ormlab's SQL console: SQLite, running in your browser.\n\
-- Ctrl+Enter runs everything, Shift+Enter runs the statement at the cursor.\n\n\
create table users (\n  id integer primary key,\n  username varchar(80) unique not null,\n  email varchar(120)\n);\n\n\
insert into users (username, email) values\n  ('admin', 'admin@example.com'),\n  ('guest', null);\n\n\
select id, username, email from users order by id;\n";

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let state = RwSignal::new(EngineState::Loading);
    let version = RwSignal::new(String::new());
    let blocks: RwSignal<Vec<ShownBlock>> = RwSignal::new(Vec::new());
    let errors: RwSignal<Vec<EngineError>> = RwSignal::new(Vec::new());
    let last_run = RwSignal::new(None::<(f64, usize)>);
    let editor_el: NodeRef<leptos::html::Div> = NodeRef::new();
    let editor: StoredValue<Option<EditorHandle>, LocalStorage> = StoredValue::new_local(None);
    let run_seq = StoredValue::new(0u64);
    // Persistence (src/web/storage.rs, src/web/workspace.rs).
    let persist = crate::web::storage::use_persistence();

    let run = move |at_cursor: bool| {
        let Some(ed) = editor.get_value() else { return };
        if state.get_untracked() == EngineState::Running {
            return;
        }
        let text = ed.get_text();
        let range = if at_cursor {
            let (from, to, head) = ed.selection();
            if from != to {
                Some((utf16_to_byte(&text, from), utf16_to_byte(&text, to)))
            } else {
                statement_at(&text, utf16_to_byte(&text, head)).map(|s| (s.span.start, s.span.end))
            }
        } else {
            None
        };
        let seq = run_seq.get_value() + 1;
        run_seq.set_value(seq);
        state.set(EngineState::Running);
        spawn_local(async move {
            let resp = bridge::call(&Request::RunSql {
                sql: text,
                range,
                page: PAGE,
            })
            .await;
            if run_seq.get_value() != seq {
                return;
            }
            let mut marks = Vec::new();
            match resp {
                Response::Ran {
                    blocks: got,
                    schema,
                    elapsed_ms,
                } => {
                    let errs: Vec<EngineError> = got
                        .iter()
                        .filter_map(|b| match &b.kind {
                            BlockKind::Error(e) => Some(e.clone()),
                            _ => None,
                        })
                        .collect();
                    for e in &errs {
                        marks.push(mark_for(e));
                    }
                    last_run.set(Some((elapsed_ms, got.len())));
                    blocks.set(
                        got.into_iter()
                            .enumerate()
                            .map(|(i, b)| ShownBlock::new(i, b))
                            .collect(),
                    );
                    errors.set(errs);
                    if let Some(schema) = schema {
                        ed.set_schema(&schema);
                    }
                }
                Response::Error { error } => {
                    if !error.interrupted {
                        marks.push(mark_for(&error));
                    }
                    blocks.set(Vec::new());
                    errors.set(vec![error]);
                }
                other => errors.set(vec![EngineError::plain(format!(
                    "unexpected answer: {other:?}"
                ))]),
            }
            ed.set_marks(&marks);
            if state.get_untracked() == EngineState::Running {
                state.set(EngineState::Ready);
            }
        });
    };

    // Create the editor once the element exists, then wait for the engine.
    Effect::new(move |_| {
        let Some(el) = editor_el.get() else { return };
        if editor.with_value(|e| e.is_some()) {
            return;
        }
        let handle = editor::create(
            &el,
            "sql",
            WELCOME,
            "SQL editor",
            Callbacks {
                on_run: Box::new(move || run(false)),
                on_run_at_cursor: Box::new(move || run(true)),
            },
        );
        if let Some(h) = &handle {
            // Restore the stored text and save it as the person types (src/web/workspace.rs).
            let (g, s) = (h.clone(), h.clone());
            crate::web::workspace::attach_editor(
                "sql",
                h.get_text(),
                std::rc::Rc::new(move || g.get_text()),
                std::rc::Rc::new(move |t: &str| editor::set_text(&s, t)),
                std::rc::Rc::new(|_| {}),
            );
        }
        editor.set_value(handle);
        spawn_local(async move {
            match bridge::ready().await {
                Ok((v, _)) => {
                    version.set(v);
                    if state.get_untracked() == EngineState::Loading {
                        state.set(EngineState::Ready);
                    }
                    if let Response::Schema { tables } = bridge::call(&Request::Schema).await
                        && let Some(ed) = editor.get_value()
                    {
                        ed.set_schema(&tables);
                    }
                }
                Err(e) => state.set(EngineState::Failed(e)),
            }
        });
    });
    bridge::on_state(move |s| match s.as_str() {
        "restarting" => state.set(EngineState::Restarting),
        "failed" => state.set(EngineState::Failed("the engine worker stopped".into())),
        _ => {}
    });

    let stop = move |_| {
        if state.get_untracked() == EngineState::Running {
            spawn_local(async move {
                bridge::stop().await;
            });
        }
    };
    let focus_editor = move |_| {
        if let Some(ed) = editor.get_value() {
            ed.focus();
        }
    };
    let pick = Callback::new(move |(line, col): (u32, u32)| {
        if line > 0
            && let Some(ed) = editor.get_value()
        {
            ed.go_to(line, col);
        }
    });
    let status_text = move || match state.get() {
        EngineState::Loading => "loading engine…".to_owned(),
        EngineState::Ready => format!("ready{}", persist.with(|p| p.suffix())),
        EngineState::Running => "running…".to_owned(),
        EngineState::Restarting => "stopping: restarting the engine…".to_owned(),
        EngineState::Failed(e) => format!("failed: {e}"),
    };
    let status_class = move || match state.get() {
        EngineState::Loading | EngineState::Restarting => "status-dot loading",
        EngineState::Ready => "status-dot ready",
        EngineState::Running => "status-dot running",
        EngineState::Failed(_) => "status-dot failed",
    };
    let busy = move || !matches!(state.get(), EngineState::Ready);
    let not_running = move || state.get() != EngineState::Running;

    view! {
        <div class="app">
            <header class="topbar">
                <h1 class="logo">"orm"<span>"lab"</span></h1>
                <span class="tagline">"SQLite in your browser"</span>
                <div class="actions">
                    <button class="btn primary" data-testid="run-sql" on:click=move |_| run(false) disabled=busy
                        title="Run everything (Ctrl+Enter); Shift+Enter runs the statement at the cursor">
                        "▶ Run"<kbd>"Ctrl+Enter"</kbd>
                    </button>
                    <button class="btn" data-testid="stop" on:click=stop disabled=not_running title="Stop the running statement">
                        "■ Stop"
                    </button>
                </div>
            </header>
            <crate::web::storage::StorageBanner persist=persist />
            <main class="panes">
                <section class="pane editor-pane">
                    <nav class="tabs" role="tablist">
                        <button class="tab active" role="tab" aria-selected="true" data-testid="tab-sql">"SQL console"</button>
                    </nav>
                    <div class="editor" data-testid="editor-sql" node_ref=editor_el on:click=focus_editor></div>
                </section>
                <section class="pane output-pane">
                    <ErrorList errors=errors.into() on_pick=pick />
                    <div class="results" data-testid="results">
                        {move || {
                            let shown = blocks.get();
                            if shown.is_empty() && errors.with(|e| e.is_empty()) {
                                view! {
                                    <p class="placeholder">"Results appear here. Press "<kbd>"Ctrl+Enter"</kbd>" to run the console."</p>
                                }
                                    .into_any()
                            } else {
                                shown.into_iter().map(|s| view! { <ResultBlock shown=s /> }).collect_view().into_any()
                            }
                        }}
                    </div>
                </section>
            </main>
            <footer class="statusbar">
                <span data-testid="status" class="status"><span class=status_class></span>{status_text}</span>
                <span class="status-item">{move || last_run.get().map(|(ms, n)| format!("last run: {n} statement{} in {ms:.1} ms", if n == 1 { "" } else { "s" }))}</span>
                <crate::web::workspaces::WorkspaceMenu />
                <crate::web::storage::StorageControls persist=persist />
                <span class="status-item version">{move || { let v = version.get(); if v.is_empty() { String::new() } else { format!("SQLite {v}") } }}</span>
            </footer>
        </div>
    }
}

fn mark_for(e: &EngineError) -> Mark {
    Mark {
        line: e.line.max(1),
        col: e.col.max(1),
        end_line: 0,
        end_col: 0,
        message: match &e.hint {
            Some(h) => format!("{} (hint: {h})", e.message),
            None => e.message.clone(),
        },
        severity: "error",
    }
}

/// Mounts the app into `<body>`, replacing the loading screen.
pub fn mount() {
    console_error_panic_hook::set_once();
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
}
