//! Named workspaces: the menu to switch, create, rename, duplicate and delete
//! (with undo) workspaces. A workspace is a database (`ormlab-db`, key = name)
//! plus its editor texts, settings and run history (`ormlab-workspace`); the page
//! opens one at a time (`?ws=name`).
//!
//! Delete only marks the workspace's record `deleted`: its database, editor texts
//! and run history stay stored (hidden, the name reserved), so undo brings all of
//! them back. Duplicate copies the database, the editor texts and the run history;
//! rename is a duplicate under the new name plus a delete of the old one.
//!
//! Test ids: `workspace-menu` (a select), `workspace-new`, `workspace-rename`,
//! `workspace-duplicate`, `workspace-delete`, `workspace-undo`, `workspace-message`.

use crate::core::workspace::{DEFAULT_WORKSPACE, WORKSPACE_STORE_SCHEMA, clean_name};
use crate::web::idb::{self, done};
use crate::web::workspace::current;
use js_sys::{Array, Function, Object, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbKeyRange, IdbTransactionMode};

const DB: &str = "ormlab-db";
const WS: &str = "ormlab-workspace";

fn e(v: JsValue) -> String {
    idb::message(&v)
}

async fn keys(db: &str, schema: idb::Schema, store: &str) -> Result<Vec<JsValue>, String> {
    let d = idb::open(db, schema).await?;
    let tx = d.transaction_with_str(store).map_err(e)?;
    let req = tx
        .object_store(store)
        .map_err(e)?
        .get_all_keys()
        .map_err(e)?;
    let v = done(&req).await.map_err(e)?;
    d.close();
    Ok(Array::from(&v).to_vec())
}

/// Every workspace that is not deleted, sorted, always with the current one.
pub async fn list() -> Result<Vec<String>, String> {
    let mut names: Vec<String> = keys(DB, crate::vfs::DB_STORE_SCHEMA, "meta")
        .await?
        .into_iter()
        .filter_map(|k| k.as_string())
        .collect();
    let d = idb::open(WS, WORKSPACE_STORE_SCHEMA).await?;
    let tx = d.transaction_with_str("workspaces").map_err(e)?;
    let store = tx.object_store("workspaces").map_err(e)?;
    let ks = done(&store.get_all_keys().map_err(e)?).await.map_err(e)?;
    let vs = done(&store.get_all().map_err(e)?).await.map_err(e)?;
    d.close();
    let (ks, vs) = (Array::from(&ks), Array::from(&vs));
    let mut deleted = Vec::new();
    for i in 0..ks.length() {
        let Some(name) = ks.get(i).as_string() else {
            continue;
        };
        let gone = Reflect::get(&vs.get(i), &"deleted".into())
            .ok()
            .is_some_and(|d| d.as_f64().is_some());
        if gone {
            deleted.push(name);
        } else {
            names.push(name);
        }
    }
    names.retain(|n| !deleted.contains(n));
    let cur = current();
    if !names.contains(&cur) {
        names.push(cur);
    }
    sort_names(&mut names);
    names.dedup();
    Ok(names)
}

/// Sorts a handful of names by insertion: the only sort in the UI, and the general one
/// would cost its wasm ~4 KB.
fn sort_names(names: &mut [String]) {
    for i in 1..names.len() {
        let mut j = i;
        while j > 0 && names[j - 1] > names[j] {
            names.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// True when `name` is used by any workspace, deleted ones included (their
/// data is kept until purged, so the name cannot be reused meanwhile).
pub async fn taken(name: &str) -> Result<bool, String> {
    let a = keys(DB, crate::vfs::DB_STORE_SCHEMA, "meta").await?;
    let b = keys(WS, WORKSPACE_STORE_SCHEMA, "workspaces").await?;
    Ok(a.iter()
        .chain(b.iter())
        .any(|k| k.as_string().as_deref() == Some(name)))
}

async fn set_record(name: &str, deleted: Option<f64>) -> Result<(), String> {
    let d = idb::open(WS, WORKSPACE_STORE_SCHEMA).await?;
    let tx = d
        .transaction_with_str_and_mode("workspaces", IdbTransactionMode::Readwrite)
        .map_err(e)?;
    let rec = Object::new();
    let _ = Reflect::set(&rec, &"name".into(), &name.into());
    let _ = Reflect::set(&rec, &"updated".into(), &js_sys::Date::now().into());
    if let Some(t) = deleted {
        let _ = Reflect::set(&rec, &"deleted".into(), &t.into());
    }
    let req = tx
        .object_store("workspaces")
        .map_err(e)?
        .put_with_key(&rec, &name.into())
        .map_err(e)?;
    done(&req).await.map_err(e)?;
    d.close();
    Ok(())
}

/// Copies every record of `store` whose key is `[from, ...]` to `[to, ...]` (the
/// rest of the key kept), and the plain key `from` to `to` in `plain`, in one
/// readwrite transaction.
async fn copy_records(
    db: &str,
    schema: idb::Schema,
    store: &str,
    plain: Option<&str>,
    from: &str,
    to: &str,
) -> Result<(), String> {
    let d = idb::open(db, schema).await?;
    let mut stores = vec![store];
    if let Some(p) = plain {
        stores.push(p);
    }
    let arr = Array::new();
    for s in &stores {
        arr.push(&(*s).into());
    }
    let tx = d
        .transaction_with_str_sequence_and_mode(&arr, IdbTransactionMode::Readwrite)
        .map_err(e)?;
    let os = tx.object_store(store).map_err(e)?;
    // [from] < [from, anything] < [from, []] in IndexedDB key order.
    let range = IdbKeyRange::bound(
        &Array::of1(&from.into()),
        &Array::of2(&from.into(), &Array::new()),
    )
    .map_err(e)?;
    let ks = Array::from(
        &done(&os.get_all_keys_with_key(&range).map_err(e)?)
            .await
            .map_err(e)?,
    );
    let vs = Array::from(
        &done(&os.get_all_with_key(&range).map_err(e)?)
            .await
            .map_err(e)?,
    );
    for i in 0..ks.length() {
        // (`Array.from` copies the key.)
        let nk = Array::from(&ks.get(i));
        nk.set(0, to.into());
        os.put_with_key(&vs.get(i), &nk).map_err(e)?;
    }
    if let Some(p) = plain {
        let ps = tx.object_store(p).map_err(e)?;
        let v = done(&ps.get(&from.into()).map_err(e)?).await.map_err(e)?;
        if !v.is_undefined() {
            ps.put_with_key(&v, &to.into()).map_err(e)?;
        }
    }
    idb::committed(&tx).await.map_err(e)?;
    d.close();
    Ok(())
}

/// Copies workspace `from` (database, editor texts and run history) to a new
/// workspace `to`.
/// The current workspace's unsaved commits are awaited first.
pub async fn duplicate(from: &str, to: &str) -> Result<(), String> {
    if taken(to).await? {
        return Err(format!(
            "the name “{to}” is taken (by a workspace, or a deleted one you can undo)"
        ));
    }
    if from == current() {
        let api = Reflect::get(&js_sys::global(), &"ormlab".into()).map_err(e)?;
        let f: Function = Reflect::get(&api, &"whenSaved".into())
            .map_err(e)?
            .unchecked_into();
        let p = f.call0(&api).map_err(e)?;
        JsFuture::from(js_sys::Promise::resolve(&p))
            .await
            .map_err(e)?;
    }
    copy_records(
        DB,
        crate::vfs::DB_STORE_SCHEMA,
        "chunks",
        Some("meta"),
        from,
        to,
    )
    .await?;
    copy_records(WS, WORKSPACE_STORE_SCHEMA, "files", None, from, to).await?;
    copy_records(WS, WORKSPACE_STORE_SCHEMA, "history", None, from, to).await?;
    copy_records(WS, WORKSPACE_STORE_SCHEMA, "settings", None, from, to).await?;
    set_record(to, None).await
}

fn go(name: &str, extra: &str) {
    if let Some(w) = web_sys::window() {
        let q = js_sys::encode_uri_component(name);
        let _ = w.location().set_search(&format!("?ws={q}{extra}"));
    }
}

fn prompt(msg: &str, default: &str) -> Option<String> {
    web_sys::window()?
        .prompt_with_message_and_default(msg, default)
        .ok()
        .flatten()
}

fn url_param(key: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(key)
}

/// The workspace menu (status bar).
#[component]
pub fn WorkspaceMenu() -> impl IntoView {
    let names = RwSignal::new(vec![current()]);
    let note = RwSignal::new(String::new());
    let undo = RwSignal::new(url_param("deleted"));
    spawn_local(async move {
        match list().await {
            Ok(l) => names.set(l),
            Err(err) => note.set(err),
        }
    });
    let switch = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        if v != current() {
            go(&v, "");
        }
    };
    let create = move |_| {
        let Some(raw) = prompt("Name of the new workspace:", "") else {
            return;
        };
        match clean_name(&raw) {
            Ok(name) => spawn_local(async move {
                if names.get_untracked().contains(&name) || taken(&name).await.unwrap_or(false) {
                    note.set(format!(
                        "the name “{name}” is taken (by a workspace, or a deleted one you can undo)"
                    ));
                    return;
                }
                match set_record(&name, None).await {
                    Ok(()) => go(&name, ""),
                    Err(err) => note.set(err),
                }
            }),
            Err(err) => note.set(err),
        }
    };
    let copy_to = move |rename: bool| {
        let from = current();
        let ask = if rename {
            "Rename this workspace to:"
        } else {
            "Name of the copy:"
        };
        let Some(raw) = prompt(ask, &format!("{from} copy")) else {
            return;
        };
        match clean_name(&raw) {
            Ok(to) => spawn_local(async move {
                note.set(format!("copying to “{to}”…"));
                let r = match duplicate(&from, &to).await {
                    Ok(()) if rename => set_record(&from, Some(js_sys::Date::now())).await,
                    other => other,
                };
                match r {
                    Ok(()) => go(&to, ""),
                    Err(err) => note.set(err),
                }
            }),
            Err(err) => note.set(err),
        }
    };
    let delete = move |_| {
        let name = current();
        if name == DEFAULT_WORKSPACE {
            note.set("the default workspace cannot be deleted".into());
            return;
        }
        let ok = web_sys::window()
            .and_then(|w| {
                w.confirm_with_message(&format!("Delete workspace “{name}”? You can undo this."))
                    .ok()
            })
            .unwrap_or(false);
        if !ok {
            return;
        }
        spawn_local(async move {
            match set_record(&name, Some(js_sys::Date::now())).await {
                Ok(()) => {
                    let q = js_sys::encode_uri_component(&name);
                    go(DEFAULT_WORKSPACE, &format!("&deleted={q}"));
                }
                Err(err) => note.set(err),
            }
        });
    };
    let undo_delete = move |_| {
        let Some(name) = undo.get_untracked() else {
            return;
        };
        spawn_local(async move {
            match set_record(&name, None).await {
                Ok(()) => go(&name, ""),
                Err(err) => note.set(err),
            }
        });
    };
    view! {
        <select class="ws-menu" data-testid="workspace-menu" on:change=switch title="Workspace">
            {move || names.get().into_iter().map(|n| {
                let selected = n == current();
                view! { <option value=n.clone() selected=selected>{n.clone()}</option> }
            }).collect_view()}
        </select>
        <button class="btn small" data-testid="workspace-new" on:click=create title="New workspace">"new"</button>
        <button class="btn small" data-testid="workspace-rename" on:click=move |_| copy_to(true) title="Rename this workspace">"rename"</button>
        <button class="btn small" data-testid="workspace-duplicate" on:click=move |_| copy_to(false) title="Duplicate this workspace">"duplicate"</button>
        <button class="btn small" data-testid="workspace-delete" on:click=delete title="Delete this workspace (with undo)">"delete"</button>
        <Show when=move || undo.get().is_some()>
            <button class="btn small" data-testid="workspace-undo" on:click=undo_delete>
                {move || format!("Undo delete of “{}”", undo.get().unwrap_or_default())}
            </button>
        </Show>
        <span class="status-item" data-testid="workspace-message">{move || note.get()}</span>
    }
}
