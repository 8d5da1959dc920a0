//! Persistence in the page: the saved state for the status bar, the read-only
//! banner with "take over", persistent-storage permission and quota, and the
//! database's import/export controls.
//!
//! Test ids: `readonly-banner`, `take-over`, `save-state`, `storage-persisted`,
//! `storage-quota`, `storage-error`, `integrity-error`, `export-sqlite`, `export-sql`,
//! `export-csv`, `import-file` (.sqlite/.db or .json), `import-progress`, `import-message`,
//! `storage-lost` (the browser discarded stored data) with `storage-lost-dismiss`.
//! Dropping a file anywhere on the page imports it like `import-file`.

use crate::web::numbers::human_bytes;
use js_sys::{Function, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// What the engine worker last said about persistence (`ormlab.persistence`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Persist {
    /// `writer`, `reader`, `memory` (storage unavailable) or `loading`.
    pub role: String,
    /// True when every commit is stored.
    pub saved: bool,
    /// The newest stored commit.
    pub commit: f64,
    /// Why the last storage write failed, if it did.
    pub error: Option<String>,
    /// `quick_check` of the database as loaded (`ok` or the problems).
    pub integrity: Option<String>,
    /// Why this tab stopped writing, when changes made here were refused
    /// because another tab had taken over.
    pub notice: Option<String>,
    /// `(saved, found)` when the stored database opened older than a commit this
    /// browser was told is saved (the browser discarded its storage).
    pub lost: Option<(u64, u64)>,
}

impl Persist {
    /// The part of the status text after `ready`: ` · saved`, ` · saving…`, ...
    pub fn suffix(&self) -> String {
        match self.role.as_str() {
            "loading" | "" => String::new(),
            "memory" => " · not saved".into(),
            "reader" => " · read-only".into(),
            _ if self.error.is_some() => " · not saved".into(),
            _ if self.saved => " · saved".into(),
            _ => " · saving…".into(),
        }
    }
}

fn api() -> JsValue {
    Reflect::get(&js_sys::global(), &"ormlab".into()).unwrap_or(JsValue::UNDEFINED)
}

fn get(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

fn read(ev: &JsValue) -> Persist {
    let integrity = get(ev, "integrity").as_string();
    Persist {
        role: get(ev, "role").as_string().unwrap_or_default(),
        saved: get(ev, "saved").as_bool().unwrap_or(false),
        commit: get(ev, "commit").as_f64().unwrap_or(0.0),
        error: get(ev, "error").as_string(),
        integrity,
        notice: get(ev, "notice").as_string(),
        lost: {
            let lost = get(ev, "lost");
            let n = |k: &str| get(&lost, k).as_f64().map(|v| v as u64);
            n("saved").zip(n("found"))
        },
    }
}

/// Follows `ormlab.onPersist`; the signal holds the latest state (integrity kept
/// from the load report).
pub fn use_persistence() -> RwSignal<Persist> {
    let sig = RwSignal::new(Persist::default());
    let cb = Closure::<dyn Fn(JsValue)>::new(move |ev: JsValue| {
        let mut p = read(&ev);
        if p.integrity.is_none() {
            p.integrity = sig.get_untracked().integrity;
        }
        sig.set(p);
    });
    if let Ok(f) = get(&api(), "onPersist").dyn_into::<Function>() {
        let _ = f.call1(&api(), cb.as_ref());
    }
    cb.forget();
    sig
}

async fn call(method: &str) -> Result<JsValue, JsValue> {
    let obj = get(&api(), method);
    let f: Function = obj.dyn_into()?;
    let v = f.call0(&api())?;
    JsFuture::from(js_sys::Promise::resolve(&v)).await
}

async fn storage_manager(method: &str) -> Option<JsValue> {
    let nav = get(&js_sys::global(), "navigator");
    let storage = get(&nav, "storage");
    let f: Function = get(&storage, method).dyn_into().ok()?;
    let v = f.call0(&storage).ok()?;
    JsFuture::from(js_sys::Promise::resolve(&v)).await.ok()
}

/// Offers `bytes` as a file download named `name`.
pub fn download(name: &str, bytes: &[u8], mime: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let arr = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&arr, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = doc.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The read-only banner (another tab writes this workspace) and storage problems.
#[component]
pub fn StorageBanner(
    /// The persistence state (from [`use_persistence`]).
    persist: RwSignal<Persist>,
) -> impl IntoView {
    let take_over = move |_| {
        if let Ok(f) = get(&api(), "takeOver").dyn_into::<Function>() {
            let _ = f.call0(&api());
        }
    };
    let lost_dismissed = RwSignal::new(false);
    view! {
        <Show when=move || persist.with(|p| p.role == "reader")>
            <div class="banner readonly" role="status" data-testid="readonly-banner">
                "This workspace is open in another tab: this tab is read-only and follows its changes. "
                {move || persist.with(|p| p.notice.clone().map(|n| format!("({n}) ")))}
                <button class="btn" data-testid="take-over" on:click=take_over>"Take over here"</button>
            </div>
        </Show>
        <Show when=move || persist.with(|p| p.error.is_some())>
            <div class="banner error" role="alert" data-testid="storage-error">
                {move || persist.with(|p| {
                    let e = p.error.clone().unwrap_or_default();
                    // One sentence each: end the storage's message before ours.
                    if e.ends_with('.') { e } else { format!("{e}.") }
                })}
                " Your last saved state is kept; ormlab retries the save."
            </div>
        </Show>
        <Show when=move || persist.with(|p| p.lost.is_some()) && !lost_dismissed.get()>
            <div class="banner error" role="alert" data-testid="storage-lost">
                {move || persist.with(|p| {
                    let (saved, found) = p.lost.unwrap_or_default();
                    format!(
                        "The browser discarded this workspace's stored database: commit {saved} was saved here, \
                         but its storage now holds commit {found}. Browsers delete a site's storage they find \
                         corrupt, and evict storage that is not persistent when the disk is nearly full. \
                         Export important databases with ⬇ .sqlite to keep a copy."
                    )
                })}
                " "
                <button class="btn small" data-testid="storage-lost-dismiss"
                    on:click=move |_| lost_dismissed.set(true)>"Dismiss"</button>
            </div>
        </Show>
        <Show when=move || persist.with(|p| p.integrity.as_deref().is_some_and(|i| i != "ok"))>
            <div class="banner error" role="alert" data-testid="integrity-error">
                "The stored database failed its integrity check: "
                {move || persist.with(|p| p.integrity.clone().unwrap_or_default())}
                ". Nothing was dropped: export it raw with ⬇ .sqlite to keep a copy."
            </div>
        </Show>
    }
}

/// Status-bar items: persistent-storage permission, quota, export and import.
#[component]
pub fn StorageControls(
    /// The persistence state (from [`use_persistence`]).
    persist: RwSignal<Persist>,
) -> impl IntoView {
    let persisted = RwSignal::new(None::<bool>);
    let quota = RwSignal::new(String::new());
    let refresh_quota = move || {
        spawn_local(async move {
            if let Some(est) = storage_manager("estimate").await {
                let used = get(&est, "usage").as_f64().unwrap_or(0.0);
                let total = get(&est, "quota").as_f64().unwrap_or(0.0);
                quota.set(format!(
                    "{} used of {}",
                    human_bytes(used),
                    human_bytes(total)
                ));
            }
        });
    };
    spawn_local(async move {
        let already = storage_manager("persisted").await.and_then(|v| v.as_bool());
        let granted = if already == Some(true) {
            Some(true)
        } else {
            storage_manager("persist").await.and_then(|v| v.as_bool())
        };
        persisted.set(granted);
    });
    refresh_quota();
    Effect::new(move |_| {
        // Refresh the quota after every stored commit.
        let _ = persist.with(|p| p.commit);
        refresh_quota();
    });
    let export = move |_| {
        spawn_local(async move {
            if let Ok(v) = call("exportBytes").await {
                let bytes = js_sys::Uint8Array::new(&v).to_vec();
                let name = format!("{}.sqlite", super::workspace::current());
                download(&name, &bytes, "application/vnd.sqlite3");
            }
        });
    };
    let progress = RwSignal::new(None::<(f64, f64)>);
    let note = RwSignal::new(String::new());
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let import = move |_| {
        let Some(el) = input.get() else { return };
        let Some(file) = el.files().and_then(|f| f.get(0)) else {
            return;
        };
        el.set_value("");
        import_file(file, progress, note);
    };
    install_drop(progress, note);
    let export_sql = move |_| {
        spawn_local(async move {
            if let Ok(v) = call("dumpSql").await
                && let Some(text) = v.as_string()
            {
                let name = format!("{}.sql", super::workspace::current());
                download(&name, text.as_bytes(), "application/sql");
            }
        });
    };
    let export_csv = move |_| {
        let Some(w) = web_sys::window() else { return };
        let Ok(Some(sql)) = w.prompt_with_message_and_default(
            "Download as CSV the rows of:",
            "select * from sqlite_schema",
        ) else {
            return;
        };
        spawn_local(async move {
            let f: Result<Function, _> = get(&api(), "queryCsv").dyn_into();
            let Ok(f) = f else { return };
            let Ok(p) = f.call1(&api(), &sql.into()) else {
                return;
            };
            match JsFuture::from(js_sys::Promise::resolve(&p)).await {
                Ok(v) => download(
                    "result.csv",
                    v.as_string().unwrap_or_default().as_bytes(),
                    "text/csv",
                ),
                Err(e) => note.set(format!("CSV failed: {}", err_text(&e))),
            }
        });
    };
    view! {
        <span class="status-item" data-testid="save-state" title="Where your database is kept">
            {move || persist.with(|p| match p.role.as_str() {
                "writer" => format!("workspace “{}” · commit {}", super::workspace::current(), p.commit as u64),
                "reader" => "read-only (another tab writes)".to_owned(),
                "memory" => "in memory only".to_owned(),
                _ => String::new(),
            })}
        </span>
        <span class="status-item" data-testid="storage-persisted"
            title="Persistent storage is not evicted by the browser when disk space runs low">
            {move || match persisted.get() {
                Some(true) => "storage: persistent",
                Some(false) => "storage: best-effort",
                None => "",
            }}
        </span>
        <span class="status-item" data-testid="storage-quota">{move || quota.get()}</span>
        <button class="btn small" data-testid="export-sqlite" on:click=export title="Download the database as a .sqlite file">
            "⬇ .sqlite"
        </button>
        <button class="btn small" data-testid="export-sql" on:click=export_sql title="Download the database as a SQL dump">
            "⬇ .sql"
        </button>
        <button class="btn small" data-testid="export-csv" on:click=export_csv title="Download a query's rows as CSV">
            "⬇ CSV"
        </button>
        <label class="btn small" title="Open a .sqlite/.db file (replaces this workspace's database), or import a JSON list of objects into a table (or drop the file on the page)">
            "⬆ open"
            <input type="file" accept=".sqlite,.db,.sqlite3,.json,application/vnd.sqlite3,application/json" data-testid="import-file"
                node_ref=input on:change=import style="display:none" />
        </label>
        <Show when=move || progress.get().is_some()>
            <progress data-testid="import-progress"
                max=move || progress.get().map(|p| p.1 as u64).unwrap_or(1).to_string()
                value=move || progress.get().map(|p| p.0 as u64).unwrap_or(0).to_string()></progress>
        </Show>
        <span class="status-item" data-testid="import-message">{move || note.get()}</span>
    }
}

fn err_text(e: &JsValue) -> String {
    get(e, "message")
        .as_string()
        .unwrap_or_else(|| "failed".into())
}

/// Imports a dropped or picked file: `.json` into a table named after the file,
/// anything else as a `.sqlite` database (checked by the engine first).
fn import_file(
    file: web_sys::File,
    progress: RwSignal<Option<(f64, f64)>>,
    note: RwSignal<String>,
) {
    let name = file.name();
    spawn_local(async move {
        let result: Result<String, JsValue> = async {
            if name.to_ascii_lowercase().ends_with(".json") {
                let text = JsFuture::from(file.text()).await?;
                let stem = name.rsplit_once('.').map(|(s, _)| s).unwrap_or(&name);
                let table: String = stem
                    .chars()
                    .map(|c| {
                        if c.is_alphanumeric() || c == '_' {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect();
                progress.set(Some((0.0, 1.0)));
                let cb = Closure::<dyn Fn(f64, f64)>::new(move |done: f64, total: f64| {
                    progress.set(Some((done, total.max(1.0))));
                });
                let f: Function = get(&api(), "importJson").dyn_into()?;
                let p = f.call3(&api(), &table.clone().into(), &text, cb.as_ref())?;
                let r = JsFuture::from(js_sys::Promise::resolve(&p)).await;
                drop(cb);
                let r = r?;
                let rows = get(&r, "rows").as_f64().unwrap_or(0.0) as u64;
                Ok(format!("imported {rows} rows into {table}"))
            } else {
                let buf = JsFuture::from(file.array_buffer()).await?;
                let f: Function = get(&api(), "importBytes").dyn_into()?;
                let p = f.call1(&api(), &buf)?;
                JsFuture::from(js_sys::Promise::resolve(&p)).await?;
                Ok(format!("opened {name}"))
            }
        }
        .await;
        progress.set(None);
        note.set(match result {
            Ok(m) => m,
            Err(e) => format!("import failed: {}", err_text(&e)),
        });
    });
}

/// Drag and drop a .sqlite/.db/.json file anywhere on the page.
fn install_drop(progress: RwSignal<Option<(f64, f64)>>, note: RwSignal<String>) {
    let Some(w) = web_sys::window() else { return };
    let over = Closure::<dyn Fn(web_sys::DragEvent)>::new(|ev: web_sys::DragEvent| {
        ev.prevent_default();
    });
    let drop = Closure::<dyn Fn(web_sys::DragEvent)>::new(move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            import_file(file, progress, note);
        }
    });
    let _ = w.add_event_listener_with_callback("dragover", over.as_ref().unchecked_ref());
    let _ = w.add_event_listener_with_callback("drop", drop.as_ref().unchecked_ref());
    over.forget();
    drop.forget();
}
