//! The page: top bar with Run/Stop, the editors (models, script, SQL console) behind
//! tabs, and the output side (errors, printed output, results, SQL log; or the run
//! history), status bar.

use crate::core::diag::utf16_to_byte;
use crate::core::history::RunCode;
use crate::core::sqltext::statement_at;
use crate::engine::protocol::{LoggedStatement, PrintedTable, ScriptOutcome};
use crate::engine::{BlockKind, EngineError, Request, Response};
use crate::web::bridge;
use crate::web::editor::{self, Callbacks, EditorHandle, Mark};
use crate::web::examples;
use crate::web::grid::PAGE;
use crate::web::history_view::{History, HistoryPanel};
use crate::web::numbers;
use crate::web::results::{ErrorList, ResultBlock, ShownBlock, ShownError};
use crate::web::script_view::{Output, PrintedTableView, SqlLog};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the engine is doing, as the status bar shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum EngineState {
    /// The wasm and the worker are still loading.
    Loading,
    /// Idle.
    Ready,
    /// A statement or script runs.
    Running,
    /// The worker is being restarted after Stop.
    Restarting,
    /// The engine could not start.
    Failed(String),
}

/// The editor tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// `models.py`.
    Models,
    /// `script.py`.
    Script,
    /// The SQL console.
    Sql,
}

impl Tab {
    const ALL: [Tab; 3] = [Tab::Models, Tab::Script, Tab::Sql];

    fn id(self) -> &'static str {
        match self {
            Tab::Models => "models",
            Tab::Script => "script",
            Tab::Sql => "sql",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Tab::Models => "models.py",
            Tab::Script => "script.py",
            Tab::Sql => "SQL console",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Which kind of run the output side shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LastRun {
    None,
    Sql,
    Script,
}

type Editors = StoredValue<[Option<EditorHandle>; 3], LocalStorage>;

fn editor_of(editors: Editors, tab: Tab) -> Option<EditorHandle> {
    editors.with_value(|e| e[tab.index()].clone())
}

/// Everything the output side shows, as signals.
#[derive(Clone, Copy)]
struct Outputs {
    last: RwSignal<LastRun>,
    blocks: RwSignal<Vec<ShownBlock>>,
    tables: RwSignal<Vec<PrintedTable>>,
    errors: RwSignal<Vec<ShownError>>,
    stdout: RwSignal<String>,
    stderr: RwSignal<String>,
    log: RwSignal<Vec<LoggedStatement>>,
    summary: RwSignal<Option<String>>,
    /// The run history view (and whether a run finished while it was shown).
    history: History,
    unseen: RwSignal<bool>,
}

impl Outputs {
    fn new() -> Self {
        Outputs {
            last: RwSignal::new(LastRun::None),
            blocks: RwSignal::new(Vec::new()),
            tables: RwSignal::new(Vec::new()),
            errors: RwSignal::new(Vec::new()),
            stdout: RwSignal::new(String::new()),
            stderr: RwSignal::new(String::new()),
            log: RwSignal::new(Vec::new()),
            summary: RwSignal::new(None),
            history: History::new(),
            unseen: RwSignal::new(false),
        }
    }
}

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let state = RwSignal::new(EngineState::Loading);
    let version = RwSignal::new(String::new());
    let tab = RwSignal::new(Tab::Script);
    let out = Outputs::new();
    let editors: Editors = StoredValue::new_local([None, None, None]);
    let run_seq = StoredValue::new(0u64);
    let models_el: NodeRef<leptos::html::Div> = NodeRef::new();
    let script_el: NodeRef<leptos::html::Div> = NodeRef::new();
    let sql_el: NodeRef<leptos::html::Div> = NodeRef::new();
    // Persistence (src/web/storage.rs, src/web/workspace.rs).
    let persist = crate::web::storage::use_persistence();

    let begin = move || -> Option<u64> {
        if state.get_untracked() != EngineState::Ready {
            return None;
        }
        let seq = run_seq.get_value() + 1;
        run_seq.set_value(seq);
        state.set(EngineState::Running);
        Some(seq)
    };
    let finish = move || {
        if state.get_untracked() == EngineState::Running {
            state.set(EngineState::Ready);
        }
    };

    let run_sql = move |at_cursor: bool| {
        let Some(ed) = editor_of(editors, Tab::Sql) else {
            return;
        };
        let text = ed.get_text();
        let code = text.clone();
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
        let Some(seq) = begin() else { return };
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
            show_sql_outcome(resp, out, editors, RunCode::Sql { sql: code });
            finish();
        });
    };

    let run_script = move || {
        let sources: Vec<(String, String)> = [Tab::Models, Tab::Script]
            .iter()
            .filter_map(|t| {
                editor_of(editors, *t).map(|e| (format!("{}.py", t.id()), e.get_text()))
            })
            .collect();
        let text_of = |t: Tab| {
            editor_of(editors, t)
                .map(|e| e.get_text())
                .unwrap_or_default()
        };
        let code = RunCode::Script {
            models: text_of(Tab::Models),
            script: text_of(Tab::Script),
        };
        let Some(seq) = begin() else { return };
        spawn_local(async move {
            let resp = bridge::call(&Request::RunScript { sources }).await;
            if run_seq.get_value() != seq {
                return;
            }
            show_script_outcome(resp, out, editors, code);
            finish();
        });
    };

    // Create the editors once their elements exist, then wait for the engine.
    Effect::new(move |_| {
        let (Some(m), Some(s), Some(q)) = (models_el.get(), script_el.get(), sql_el.get()) else {
            return;
        };
        if editors.with_value(|e| e.iter().any(Option::is_some)) {
            return;
        }
        // Python editors: Ctrl+Enter and Shift+Enter both run models + script.
        let py = |_: Tab| Callbacks {
            on_run: Box::new(run_script),
            on_run_at_cursor: Box::new(run_script),
        };
        let handles = [
            editor::create(
                &m,
                "python",
                examples::MODELS,
                "models.py editor",
                py(Tab::Models),
            ),
            editor::create(
                &s,
                "python",
                examples::SCRIPT,
                "script.py editor",
                py(Tab::Script),
            ),
            editor::create(
                &q,
                "sql",
                examples::SQL,
                "SQL console editor",
                Callbacks {
                    on_run: Box::new(move || run_sql(false)),
                    on_run_at_cursor: Box::new(move || run_sql(true)),
                },
            ),
        ];
        // Restore each editor's stored text and save it as the person types (src/web/workspace.rs).
        for (tab, handle) in Tab::ALL.iter().zip(handles.iter()) {
            if let Some(h) = handle {
                let (g, st) = (h.clone(), h.clone());
                crate::web::workspace::attach_editor(
                    tab.id(),
                    h.get_text(),
                    std::rc::Rc::new(move || g.get_text()),
                    std::rc::Rc::new(move |t: &str| editor::set_text(&st, t)),
                    std::rc::Rc::new(|_| {}),
                );
            }
        }
        editors.set_value(handles);
        // Reopen the editor tab that was open last time (unless one was picked since).
        spawn_local(async move {
            let ws = crate::web::workspace::current();
            if let Ok(Some(id)) = crate::web::workspace::load_setting(&ws, "editor-tab").await
                && let Some(t) = Tab::ALL.iter().copied().find(|t| t.id() == id)
                && tab.get_untracked() == Tab::Script
            {
                tab.set(t);
                if let Some(ed) = editor_of(editors, t) {
                    ed.refresh();
                }
            }
        });
        spawn_local(async move {
            match bridge::ready().await {
                Ok((v, _)) => {
                    version.set(v);
                    if state.get_untracked() == EngineState::Loading {
                        state.set(EngineState::Ready);
                    }
                    if let Response::Schema { tables } = bridge::call(&Request::Schema).await
                        && let Some(ed) = editor_of(editors, Tab::Sql)
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
        "idle" if state.get_untracked() == EngineState::Restarting => state.set(EngineState::Ready),
        _ => {}
    });

    let select_tab = move |t: Tab| {
        if tab.get_untracked() != t {
            crate::web::workspace::remember("editor-tab", t.id().to_owned());
        }
        tab.set(t);
        if let Some(ed) = editor_of(editors, t) {
            ed.refresh();
        }
    };
    let pick = Callback::new(move |(target, line, col): (usize, u32, u32)| {
        let Some(t) = Tab::ALL.get(target).copied() else {
            return;
        };
        select_tab(t);
        if line > 0
            && let Some(ed) = editor_of(editors, t)
        {
            ed.go_to(line, col);
        }
    });
    // Restore a run from the history: its code back into its editors, not run.
    let restore = Callback::new(move |code: RunCode| {
        let texts = match code {
            RunCode::Sql { sql } => vec![(Tab::Sql, sql)],
            RunCode::Script { models, script } => {
                vec![(Tab::Models, models), (Tab::Script, script)]
            }
        };
        let shown = texts.last().map(|(t, _)| *t);
        for (t, text) in texts {
            if let Some(ed) = editor_of(editors, t) {
                // Old marks point into the replaced text. (Ctrl+Z in the editor undoes this.)
                ed.set_marks(&[]);
                editor::set_text(&ed, &text);
            }
        }
        if let Some(t) = shown {
            select_tab(t);
        }
    });
    let show_history = move |open: bool| {
        out.history.open.set(open);
        if !open {
            out.unseen.set(false);
        }
    };
    let stop = move |_| {
        if state.get_untracked() == EngineState::Running {
            spawn_local(async move {
                bridge::stop().await;
            });
        }
    };
    let idle = move || !matches!(state.get(), EngineState::Ready);
    let not_running = move || state.get() != EngineState::Running;

    let editor_pane = move |t: Tab, node: NodeRef<leptos::html::Div>| {
        let focus = move |_| {
            if let Some(ed) = editor_of(editors, t) {
                ed.focus();
            }
        };
        view! {
            <div class="editor" class:hidden=move || tab.get() != t role="tabpanel"
                data-testid=format!("editor-{}", t.id()) node_ref=node on:click=focus></div>
        }
    };

    view! {
        <div class="app">
            <header class="topbar">
                <h1 class="logo">"orm"<span>"lab"</span></h1>
                <span class="tagline">"Flask-SQLAlchemy in your browser"</span>
                <div class="actions">
                    <button class="btn primary" data-testid="run-script" on:click=move |_| run_script() disabled=idle
                        title="Run models.py then script.py on a fresh database (Ctrl+Enter in either editor)">
                        "▶ Run script"
                    </button>
                    <button class="btn" data-testid="run-sql" on:click=move |_| run_sql(false) disabled=idle
                        title="Run the SQL console (Ctrl+Enter in it; Shift+Enter runs the statement at the cursor)">
                        "▶ Run SQL"
                    </button>
                    <button class="btn" data-testid="stop" on:click=stop disabled=not_running title="Stop the running statement or script">
                        "■ Stop"
                    </button>
                </div>
            </header>
            <crate::web::storage::StorageBanner persist=persist />
            <main class="panes">
                <section class="pane editor-pane">
                    <nav class="tabs" role="tablist">
                        {Tab::ALL
                            .into_iter()
                            .map(|t| view! {
                                <button class="tab" class:active=move || tab.get() == t role="tab"
                                    aria-selected=move || (tab.get() == t).to_string()
                                    data-testid=format!("tab-{}", t.id()) on:click=move |_| select_tab(t)>
                                    {t.label()}
                                </button>
                            })
                            .collect_view()}
                        <span class="tab-hint">"Ctrl+Enter runs"</span>
                    </nav>
                    {editor_pane(Tab::Models, models_el)}
                    {editor_pane(Tab::Script, script_el)}
                    {editor_pane(Tab::Sql, sql_el)}
                </section>
                <section class="pane output-pane">
                    <nav class="tabs output-tabs" role="tablist">
                        <button class="tab" class:active=move || !out.history.open.get() role="tab"
                            aria-selected=move || (!out.history.open.get()).to_string()
                            data-testid="tab-output" on:click=move |_| show_history(false)>
                            "Output"
                            <span class="tab-dot" class:hidden=move || !out.unseen.get()
                                title="A run finished while the history was shown"></span>
                        </button>
                        <button class="tab" class:active=move || out.history.open.get() role="tab"
                            aria-selected=move || out.history.open.get().to_string()
                            data-testid="history-open" on:click=move |_| show_history(true)
                            title="This workspace's runs; restore the code of any of them">
                            "History"
                        </button>
                    </nav>
                    <div class="output-body" role="tabpanel" class:hidden=move || out.history.open.get()>
                        <ErrorList errors=out.errors.into() on_pick=pick />
                        <div class:hidden=move || out.last.get() == LastRun::Sql>
                            <Output stdout=out.stdout.into() stderr=out.stderr.into()
                                ran=Signal::derive(move || out.last.get() == LastRun::Script) />
                        </div>
                        <div class="results" data-testid="results">
                            {move || match out.last.get() {
                                LastRun::Sql => out.blocks.get().into_iter().map(|s| view! { <ResultBlock shown=s /> }).collect_view().into_any(),
                                LastRun::Script => out.tables.get().into_iter().map(|t| view! { <PrintedTableView table=t /> }).collect_view().into_any(),
                                LastRun::None => ().into_any(),
                            }}
                        </div>
                        <SqlLog log=out.log.into() />
                    </div>
                    <Show when=move || out.history.open.get()>
                        <div class="output-body" role="tabpanel">
                            <HistoryPanel history=out.history on_restore=restore />
                        </div>
                    </Show>
                </section>
            </main>
            <footer class="statusbar">
                <span data-testid="status" class="status">
                    <span class=move || status_class(&state.get())></span>
                    {move || {
                        let st = state.get();
                        let base = status_text(&st);
                        if st == EngineState::Ready { format!("{base}{}", persist.with(|p| p.suffix())) } else { base }
                    }}
                </span>
                <span class="status-item">{move || out.summary.get()}</span>
                <crate::web::workspaces::WorkspaceMenu />
                <crate::web::storage::StorageControls persist=persist />
                <span class="status-item version">{move || { let v = version.get(); if v.is_empty() { String::new() } else { format!("SQLite {v}") } }}</span>
            </footer>
        </div>
    }
}

fn status_text(state: &EngineState) -> String {
    match state {
        EngineState::Loading => "loading engine…".to_owned(),
        EngineState::Ready => "ready".to_owned(),
        EngineState::Running => "running…".to_owned(),
        EngineState::Restarting => "stopping: restarting the engine…".to_owned(),
        EngineState::Failed(e) => format!("failed: {e}"),
    }
}

fn status_class(state: &EngineState) -> &'static str {
    match state {
        EngineState::Loading | EngineState::Restarting => "status-dot loading",
        EngineState::Ready => "status-dot ready",
        EngineState::Running => "status-dot running",
        EngineState::Failed(_) => "status-dot failed",
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

fn show_sql_outcome(resp: Response, out: Outputs, editors: Editors, code: RunCode) {
    let mut marks = Vec::new();
    out.last.set(LastRun::Sql);
    match resp {
        Response::Ran {
            blocks,
            schema,
            elapsed_ms,
        } => {
            let errs: Vec<ShownError> = blocks
                .iter()
                .filter_map(|b| match &b.kind {
                    BlockKind::Error(e) => Some(ShownError {
                        target: Tab::Sql.index(),
                        error: e.clone(),
                    }),
                    _ => None,
                })
                .collect();
            marks.extend(errs.iter().map(|e| mark_for(&e.error)));
            out.log.set(
                blocks
                    .iter()
                    .map(|b| LoggedStatement {
                        sql: b.sql.clone(),
                        params: String::new(),
                        elapsed_ms: b.elapsed_ms,
                        note: None,
                    })
                    .collect(),
            );
            out.summary.set(Some(format!(
                "last run: {} in {} ms",
                plural(blocks.len(), "statement"),
                numbers::fixed(elapsed_ms, 1)
            )));
            out.blocks.set(
                blocks
                    .into_iter()
                    .enumerate()
                    .map(|(i, b)| ShownBlock::new(i, b))
                    .collect(),
            );
            out.errors.set(errs);
            if let (Some(schema), Some(ed)) = (schema, editor_of(editors, Tab::Sql)) {
                ed.set_schema(&schema);
            }
        }
        Response::Error { error } => {
            out.summary.set(Some(failed_summary("SQL", &error)));
            if !error.interrupted {
                marks.push(mark_for(&error));
            }
            out.blocks.set(Vec::new());
            out.errors.set(vec![ShownError {
                target: Tab::Sql.index(),
                error,
            }]);
        }
        // (No Debug formatting of the whole answer: it would pull every protocol type's
        // Debug code into the page's wasm.)
        _ => out.errors.set(vec![ShownError::plain(
            "the engine sent an unexpected answer".to_owned(),
        )]),
    }
    if let Some(ed) = editor_of(editors, Tab::Sql) {
        ed.set_marks(&marks);
    }
    note_history(code, out);
}

/// The status line of a run the engine answered with an error instead of results.
fn failed_summary(what: &str, error: &EngineError) -> String {
    if error.interrupted {
        format!("last run: {what} stopped")
    } else {
        format!("last run: {what} failed")
    }
}

/// Appends the run just shown, with the code that ran, to the workspace's run
/// history (`web::history`); the History view reloads once it is stored.
fn note_history(code: RunCode, out: Outputs) {
    let summary = out.summary.get_untracked().unwrap_or_default();
    let summary = summary.strip_prefix("last run: ").unwrap_or(&summary);
    let first_error = out
        .errors
        .with_untracked(|e| e.first().map(|e| e.error.to_string()));
    let ok = first_error.is_none();
    let line = match first_error {
        Some(e) => format!("{summary} · {e}"),
        None => summary.to_owned(),
    };
    if out.history.open.get_untracked() {
        out.unseen.set(true);
    }
    let kind = code.kind();
    let history = out.history;
    crate::web::history::note_run(kind, line, ok, code.keep(), move || history.recorded());
}

fn show_script_outcome(resp: Response, out: Outputs, editors: Editors, code: RunCode) {
    out.last.set(LastRun::Script);
    let mut marks: [Vec<Mark>; 2] = [Vec::new(), Vec::new()];
    match resp {
        Response::ScriptRan(outcome) => {
            let ScriptOutcome {
                stdout,
                stderr,
                errors,
                sql_log,
                tables,
                schema,
                elapsed_ms,
            } = *outcome;
            let shown: Vec<ShownError> = errors
                .iter()
                .map(|e| {
                    let target = if e.source == 0 {
                        Tab::Models
                    } else {
                        Tab::Script
                    };
                    let error = EngineError {
                        message: format!("{}: {}", e.class, e.message),
                        span: None,
                        line: e.line,
                        col: e.col,
                        hint: e.hint.clone(),
                        interrupted: e.class == "KeyboardInterrupt",
                    };
                    if let Some(m) = marks.get_mut(e.source.min(1)) {
                        m.push(Mark {
                            line: e.line.max(1),
                            col: e.col.max(1),
                            end_line: e.end_line,
                            end_col: e.end_col,
                            message: error.to_string(),
                            severity: "error",
                        });
                    }
                    ShownError {
                        target: target.index(),
                        error,
                    }
                })
                .collect();
            let statements = sql_log.iter().filter(|s| !s.sql.is_empty()).count();
            out.summary.set(Some(format!(
                "last run: script, {} in {} ms",
                plural(statements, "SQL statement"),
                numbers::fixed(elapsed_ms, 1)
            )));
            out.stdout.set(stdout);
            out.stderr.set(stderr);
            out.log.set(sql_log);
            out.tables.set(tables);
            out.errors.set(shown);
            if let Some(ed) = editor_of(editors, Tab::Sql) {
                ed.set_schema(&schema);
            }
        }
        Response::Error { error } => {
            out.summary.set(Some(failed_summary("script", &error)));
            out.stdout.set(String::new());
            out.tables.set(Vec::new());
            out.errors.set(vec![ShownError {
                target: Tab::Script.index(),
                error,
            }]);
        }
        // (No Debug formatting of the whole answer: it would pull every protocol type's
        // Debug code into the page's wasm.)
        _ => out.errors.set(vec![ShownError::plain(
            "the engine sent an unexpected answer".to_owned(),
        )]),
    }
    for (t, m) in [Tab::Models, Tab::Script].iter().zip(marks.iter()) {
        if let Some(ed) = editor_of(editors, *t) {
            ed.set_marks(m);
        }
    }
    note_history(code, out);
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

/// Mounts the app into `<body>`, replacing the loading screen, once the editor bundle
/// is loaded (`www/ormlab.js` loads it after the engine's first answer, so the UI's
/// start never delays the engine's).
pub fn mount() {
    // (The release build aborts at a panic without running a hook: see xtask's `dist`.)
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    super::install_core_hooks();
    // Not Leptos's spawn_local: its executor is initialized by `mount_to_body` below.
    wasm_bindgen_futures::spawn_local(async {
        bridge::editor_ready().await;
        if let Some(boot) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("boot"))
        {
            boot.remove();
        }
        leptos::mount::mount_to_body(App);
    });
}
