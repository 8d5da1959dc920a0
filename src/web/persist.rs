//! Worker-side persistence: the `ormlab` VFS's storage in IndexedDB, the
//! one-writer-per-workspace rule (Web Locks) and change notes between tabs
//! (BroadcastChannel).
//!
//! IndexedDB database `ormlab-db` (schema in [`crate::vfs::DB_STORE_SCHEMA`]):
//! - `chunks`: key `[db name, chunk index]` → `ArrayBuffer` of 4096 bytes;
//! - `meta`: key `db name` → `{size, commit, chunk, v, epoch}`, the header record.
//!
//! Each SQLite commit becomes ONE readwrite transaction with the changed chunks and
//! the header record (grouped when commits outrun storage, see
//! [`crate::vfs::image::Flusher`]); the page hears `{persist: {saved: true}}` only
//! when that transaction has completed. A tab that cannot get the workspace's Web
//! Lock opens the database read-only and re-reads the chunks the writer's notes
//! name; "take over" steals the lock.
//!
//! The lock alone cannot stop a write the old writer started just before it
//! heard of the steal. So the header record also carries a fencing token,
//! `epoch`: a tab that becomes the writer first bumps it (one readwrite
//! transaction, ordered before its load), and every commit transaction reads
//! it first and aborts itself when it is no longer this tab's. IndexedDB runs
//! readwrite transactions over the same stores one at a time, in order, so a
//! stale writer's commit either lands before the new writer loads or not at all.
//!
//! The first lock request (only if free) and the IndexedDB connection are usually made
//! by `www/worker-boot.js` before the wasm runs, so that they overlap its compile; once
//! both are there it also claims the database and reads its image, in ONE readwrite
//! transaction (a stored header record needed: a new workspace's first one is written
//! here). `open` takes them over (`take_early`) and keeps every rule above: a lock stolen
//! meanwhile makes this tab a reader (which loads again), and a connection below the
//! schema's version is closed and opened again with the upgrade.
//!
//! The parts: `persist/storage.rs` (load, claim and commit writes in IndexedDB),
//! `persist/locks.rs` (the Web Lock, take over, turning writer or reader),
//! `persist/follow.rs` (a reader catching up from the writer's notes).

mod follow;
mod locks;
mod storage;

use crate::db::Database;
use crate::vfs::image::{CommitBatch, Flusher};
use crate::vfs::sqlite;
use js_sys::{Array, Function, Object, Promise, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{BroadcastChannel, IdbDatabase, MessageEvent, WorkerGlobalScope};

use follow::{Note, on_note};
use locks::{PENDING_RELEASE, acquire, adopt, lock_name, wait_for_lock};
use storage::{adopt_idb, claim, kick, load, take_claimed};

pub use locks::{hear_steal_late, take_over};
pub use storage::simulate_quota;

const IDB_NAME: &str = "ormlab-db";
const CHUNKS: &str = "chunks";
const META: &str = "meta";

/// Whether this tab may write the workspace's database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Holds the workspace's Web Lock; commits are stored.
    Writer,
    /// Another tab writes; this one reads and follows its commits.
    Reader,
}

impl Role {
    fn as_str(self) -> &'static str {
        match self {
            Role::Writer => "writer",
            Role::Reader => "reader",
        }
    }
}

/// Called with a freshly opened database when the role changes (the worker swaps
/// its engine's database).
pub type Reopen = Rc<dyn Fn(Database)>;

/// Posts `{persist: ...}` objects to the page.
pub type Notify = Rc<dyn Fn(JsValue)>;

struct State {
    name: String,
    vfs: String,
    idb: IdbDatabase,
    flusher: Flusher,
    role: Role,
    channel: Option<BroadcastChannel>,
    notify: Notify,
    reopen: Reopen,
    release: Option<Function>,
    /// The fencing token this tab claimed when it became the writer.
    epoch: f64,
    /// Why this tab stopped writing, when a commit made here was refused.
    notice: Option<String>,
    refreshing: bool,
    refresh_again: bool,
    /// Writer notes that arrived during a refresh, to apply after it.
    notes: Vec<Note>,
    /// Reader refreshes so far: (changed chunks only, whole image).
    refreshes: (f64, f64),
    /// The last completed storage write: (bytes of chunks, chunks, milliseconds
    /// from the commit to the transaction's `complete`).
    last_write: (f64, f64, f64),
    /// Tests only: storage writes larger than this many bytes fail as if the
    /// quota were exhausted (headless Chromium ignores quota overrides).
    simulated_quota: Option<f64>,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

fn scope() -> WorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(obj, &key.into(), &value.into());
}

fn key(name: &str, index: u32) -> JsValue {
    Array::of2(&name.into(), &index.into()).into()
}

/// What [`open`] found.
pub struct Opened {
    /// The database, opened read-write (writer) or read-only (reader).
    pub db: Database,
}

/// Opens workspace database `name`: takes the lock if free, loads the stored image,
/// registers the VFS and opens SQLite on it. `notify` posts persistence news to
/// the page; `reopen` swaps the engine's database when the role changes later.
pub async fn open(name: &str, notify: Notify, reopen: Reopen) -> Result<Opened, String> {
    let vfs = sqlite::install(|| js_sys::Date::now() as i64)?;
    let (early_lock, early_idb, early_claim) = take_early(name);
    let adopted = match early_lock {
        Some(p) => adopt(p).await,
        None => None,
    };
    let writer = match adopted {
        Some(w) => w,
        None => acquire(&lock_name(name), false, false).await,
    };
    let idb = adopt_idb(early_idb).await?;
    // `worker-boot.js` claims and loads only once this tab holds the lock; a lock stolen
    // since then makes this tab a reader, which loads again below.
    let claimed = match early_claim {
        Some(p) if writer => take_claimed(p).await,
        _ => None,
    };
    let (epoch, image) = match claimed {
        Some(done) => done,
        None => {
            let epoch = if writer {
                claim(&idb, name).await?
            } else {
                0.0
            };
            (epoch, load(&idb, name).await?)
        }
    };
    let durable = image.commit();
    let size = image.size();
    sqlite::set_image(name, image);
    let role = if writer { Role::Writer } else { Role::Reader };
    let channel = BroadcastChannel::new(&format!("ormlab-db:{name}")).ok();
    if let Some(ch) = &channel {
        let on_note = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            on_note(ev.data());
        });
        ch.set_onmessage(Some(on_note.as_ref().unchecked_ref()));
        on_note.forget();
    }
    let release = PENDING_RELEASE.with(|p| p.borrow_mut().take());
    STATE.with(|s| {
        *s.borrow_mut() = Some(State {
            name: name.to_owned(),
            vfs: vfs.clone(),
            idb,
            flusher: Flusher::new(durable),
            role,
            channel,
            notify: notify.clone(),
            reopen,
            release,
            epoch,
            notice: None,
            refreshing: false,
            refresh_again: false,
            notes: Vec::new(),
            refreshes: (0.0, 0.0),
            last_write: (0.0, 0.0, 0.0),
            simulated_quota: None,
        })
    });
    sqlite::set_commit_hook(Some(Rc::new(|db: &str, batch: CommitBatch| {
        let mine = STATE.with(|s| {
            let mut s = s.borrow_mut();
            match s.as_mut() {
                Some(st) if st.name == db && st.role == Role::Writer => {
                    st.flusher.push(batch);
                    true
                }
                _ => false,
            }
        });
        if mine {
            post_status(None);
            // After the current task: the request that committed answers first (the
            // page hears "saved" only when the write completes, as before); commits
            // made meanwhile are merged into the same write.
            wasm_bindgen_futures::spawn_local(async { kick() });
        }
    })));
    let db =
        Database::open_persistent(name, &vfs, role == Role::Reader).map_err(|e| e.to_string())?;
    let ev = status_object();
    set(&ev, "loadedBytes", size as f64);
    if size == 0 {
        set(&ev, "integrity", "ok");
    }
    notify(ev.into());
    if role == Role::Reader {
        wait_for_lock(name.to_owned());
    }
    Ok(Opened { db })
}

/// What `www/worker-boot.js` started for workspace `name` before the wasm ran
/// (`self.ormlabEarly = {db, lock?, idb, claim?}`): the lock request, the IndexedDB
/// connection, and the claim and load of the stored image, as promises. Taken once;
/// another workspace's is dropped.
fn take_early(name: &str) -> (Option<Promise>, Option<Promise>, Option<Promise>) {
    let global = js_sys::global();
    let key = JsValue::from_str("ormlabEarly");
    let early = Reflect::get(&global, &key).unwrap_or(JsValue::UNDEFINED);
    if early.is_undefined() {
        return (None, None, None);
    }
    let _ = Reflect::delete_property(global.unchecked_ref::<Object>(), &key);
    let get = |k: &str| Reflect::get(&early, &k.into()).unwrap_or(JsValue::UNDEFINED);
    if get("db").as_string().as_deref() != Some(name) {
        return (None, None, None);
    }
    (
        get("lock").dyn_into::<Promise>().ok(),
        get("idb").dyn_into::<Promise>().ok(),
        get("claim").dyn_into::<Promise>().ok(),
    )
}

/// Checks the database as loaded (`PRAGMA quick_check`) and reports the outcome
/// as `integrity` (called by the worker once the first requests are answered, so
/// a large database answers its first query before the check runs).
pub fn report_integrity(db: &Database) {
    let integrity = db.check(false).unwrap_or_else(|e| e.to_string());
    let ev = status_object();
    set(&ev, "integrity", integrity);
    let notify = STATE.with(|s| s.borrow().as_ref().map(|s| s.notify.clone()));
    if let Some(n) = notify {
        n(ev.into());
    }
}

/// The page-facing status: role, saved, durable commit, last error.
fn status_object() -> Object {
    let ev = Object::new();
    STATE.with(|s| {
        if let Some(st) = s.borrow().as_ref() {
            set(&ev, "role", st.role.as_str());
            set(&ev, "saved", st.flusher.is_saved());
            set(&ev, "commit", st.flusher.durable() as f64);
            set(&ev, "workspace", st.name.as_str());
            let (bytes, chunks, ms) = st.last_write;
            set(&ev, "lastWriteBytes", bytes);
            set(&ev, "lastWriteChunks", chunks);
            set(&ev, "lastWriteMs", ms);
            set(&ev, "refreshDeltas", st.refreshes.0);
            set(&ev, "refreshFull", st.refreshes.1);
            if let Some(n) = &st.notice {
                set(&ev, "notice", n.as_str());
            }
            match st.flusher.last_error() {
                Some(e) => set(&ev, "error", e),
                None => set(&ev, "error", JsValue::NULL),
            }
        }
    });
    ev
}

fn post_status(error: Option<String>) {
    let ev = status_object();
    if let Some(e) = error {
        set(&ev, "error", e);
    }
    let notify = STATE.with(|s| s.borrow().as_ref().map(|s| s.notify.clone()));
    if let Some(n) = notify {
        n(ev.into());
    }
}
