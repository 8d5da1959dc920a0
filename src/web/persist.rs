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

use crate::db::Database;
use crate::vfs::image::{CHUNK, CommitBatch, Flusher, Image};
use crate::vfs::{DB_STORE_SCHEMA, sqlite};
use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{
    BroadcastChannel, IdbDatabase, IdbKeyRange, IdbObjectStore, IdbTransaction, MessageEvent,
    WorkerGlobalScope,
};

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

use super::idb::{done as request_done, message};

fn key(name: &str, index: u32) -> JsValue {
    Array::of2(&name.into(), &index.into()).into()
}

async fn open_idb() -> Result<IdbDatabase, String> {
    super::idb::open(IDB_NAME, DB_STORE_SCHEMA).await
}

/// Reads database `name`'s image: the header record and every chunk, in one
/// read transaction (so it is one committed state).
async fn load(idb: &IdbDatabase, name: &str) -> Result<Image, String> {
    let stores = Array::of2(&CHUNKS.into(), &META.into());
    let tx = idb
        .transaction_with_str_sequence(&stores)
        .map_err(|e| message(&e))?;
    let meta = tx.object_store(META).map_err(|e| message(&e))?;
    let chunks = tx.object_store(CHUNKS).map_err(|e| message(&e))?;
    let range = IdbKeyRange::bound(&key(name, 0), &key(name, u32::MAX)).map_err(|e| message(&e))?;
    let m = meta.get(&name.into()).map_err(|e| message(&e))?;
    let k = chunks
        .get_all_keys_with_key(&range)
        .map_err(|e| message(&e))?;
    let v = chunks.get_all_with_key(&range).map_err(|e| message(&e))?;
    let (m, k, v) = (request_done(&m), request_done(&k), request_done(&v));
    let m = m.await.map_err(|e| message(&e))?;
    let k: Array = k.await.map_err(|e| message(&e))?.unchecked_into();
    let v: Array = v.await.map_err(|e| message(&e))?.unchecked_into();
    if m.is_undefined() || m.is_null() {
        return Ok(Image::new());
    }
    let num = |f: &str| {
        Reflect::get(&m, &f.into())
            .ok()
            .and_then(|x| x.as_f64())
            .unwrap_or(0.0)
    };
    let (size, commit) = (num("size") as u64, num("commit") as u64);
    // Copy each stored chunk straight into the image (no intermediate Vec).
    let mut image = Image::zeroed(size, commit);
    for i in 0..v.length() {
        let index = Array::from(&k.get(i)).get(1).as_f64().unwrap_or(-1.0);
        if index < 0.0 || index > u32::MAX as f64 {
            continue;
        }
        let src = Uint8Array::new(&v.get(i));
        let dst = image.chunk_mut(index as u32);
        let n = dst.len().min(src.length() as usize);
        if n > 0 {
            src.subarray(0, n as u32).copy_to(&mut dst[..n]);
        }
    }
    Ok(image)
}

/// Claims database `name` for this tab: bumps the header record's `epoch` in one
/// readwrite transaction and resolves with the new value once it has completed.
/// Commit transactions of a tab holding an older epoch abort themselves (see
/// [`write_batch`]); a load started after this sees every commit that landed.
async fn claim(idb: &IdbDatabase, name: &str) -> Result<f64, String> {
    let stores = Array::of1(&META.into());
    let tx = idb
        .transaction_with_str_sequence_and_mode(&stores, web_sys::IdbTransactionMode::Readwrite)
        .map_err(|e| message(&e))?;
    let meta = tx.object_store(META).map_err(|e| message(&e))?;
    let get = meta.get(&name.into()).map_err(|e| message(&e))?;
    let claimed = Rc::new(std::cell::Cell::new(0.0));
    let (g, c, key_name) = (get.clone(), claimed.clone(), name.to_owned());
    // The put is issued from the success callback itself, while the transaction
    // is certainly still active.
    get.set_onsuccess(Some(
        Closure::once_into_js(move |_: JsValue| {
            let current = g.result().unwrap_or(JsValue::UNDEFINED);
            let record: Object = if current.is_object() {
                current.unchecked_into()
            } else {
                // Nothing stored yet: an empty database, claimed.
                let m = Object::new();
                set(&m, "size", 0.0);
                set(&m, "commit", 0.0);
                set(&m, "chunk", CHUNK as f64);
                set(&m, "v", 1);
                m
            };
            let epoch = epoch_of(&record) + 1.0;
            set(&record, "epoch", epoch);
            c.set(epoch);
            let _ = meta.put_with_key(&record, &key_name.into());
        })
        .unchecked_ref(),
    ));
    transaction_done(&tx).await?;
    Ok(claimed.get())
}

/// The fencing token of a header record (0 for records written before it existed).
fn epoch_of(record: &JsValue) -> f64 {
    Reflect::get(record, &"epoch".into())
        .ok()
        .and_then(|e| e.as_f64())
        .unwrap_or(0.0)
}

/// Resolves when the transaction has completed, rejects when it aborted.
async fn transaction_done(tx: &IdbTransaction) -> Result<(), String> {
    let t = tx.clone();
    let done = Promise::new(&mut |resolve, reject| {
        t.set_oncomplete(Some(
            Closure::once_into_js(move |_: JsValue| {
                let _ = resolve.call0(&JsValue::NULL);
            })
            .unchecked_ref(),
        ));
        let t2 = t.clone();
        t.set_onabort(Some(
            Closure::once_into_js(move |_: JsValue| {
                let why = t2
                    .error()
                    .map(|e| e.message())
                    .unwrap_or_else(|| "the storage transaction was aborted".into());
                let _ = reject.call1(&JsValue::NULL, &why.into());
            })
            .unchecked_ref(),
        ));
    });
    JsFuture::from(done)
        .await
        .map(|_| ())
        .map_err(|e| message(&e))
}

/// Asks for the workspace's lock: `steal` takes it from another tab; otherwise
/// only if free (`wait` = false) or when it becomes free (`wait` = true).
/// Resolves true when this worker holds it. Without Web Locks, every tab writes.
async fn acquire(lock_name: &str, steal: bool, wait: bool) -> bool {
    let nav = scope().navigator();
    let locks = Reflect::get(&nav, &"locks".into()).unwrap_or(JsValue::UNDEFINED);
    if locks.is_undefined() || locks.is_null() {
        return true;
    }
    let Ok(request) = Reflect::get(&locks, &"request".into()) else {
        return true;
    };
    let request: Function = request.unchecked_into();
    let opts = Object::new();
    if steal {
        set(&opts, "steal", true);
    } else if !wait {
        set(&opts, "ifAvailable", true);
    }
    let granted = Promise::new(&mut |resolve, _| {
        let cb = Closure::once_into_js(move |lock: JsValue| -> JsValue {
            if lock.is_null() {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::FALSE);
                return JsValue::UNDEFINED;
            }
            let already = STATE.with(|s| {
                s.borrow()
                    .as_ref()
                    .is_some_and(|s| s.role == Role::Writer && s.release.is_some())
            });
            if already {
                // A queued request granted after a steal: nothing to hold.
                let _ = resolve.call1(&JsValue::NULL, &JsValue::FALSE);
                return JsValue::UNDEFINED;
            }
            let hold = Promise::new(&mut |release, _| {
                STATE.with(|s| {
                    if let Some(s) = s.borrow_mut().as_mut() {
                        s.release = Some(release);
                    } else {
                        PENDING_RELEASE.with(|p| *p.borrow_mut() = Some(release));
                    }
                });
            });
            let _ = resolve.call1(&JsValue::NULL, &JsValue::TRUE);
            hold.into()
        });
        if let Ok(p) = request.call3(&locks, &lock_name.into(), &opts, &cb) {
            let lost = Closure::once(move |_: JsValue| lost_lock(None));
            let _ = Promise::from(p).catch(&lost);
            lost.forget();
        }
    });
    JsFuture::from(granted)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

thread_local! {
    static PENDING_RELEASE: RefCell<Option<Function>> = const { RefCell::new(None) };
}

fn lock_name(name: &str) -> String {
    format!("ormlab-db:{name}")
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
    let writer = acquire(&lock_name(name), false, false).await;
    let idb = open_idb().await?;
    let epoch = if writer {
        claim(&idb, name).await?
    } else {
        0.0
    };
    let image = load(&idb, name).await?;
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
            kick();
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

/// A reader queues for the lock: when the writer's tab closes, it becomes the writer.
fn wait_for_lock(name: String) {
    spawn_local(async move {
        if acquire(&lock_name(&name), false, true).await {
            become_writer().await;
        }
    });
}

/// "Take over": steal the lock from the tab that writes, then write here.
pub fn take_over() {
    let Some(name) = STATE.with(|s| s.borrow().as_ref().map(|s| s.name.clone())) else {
        return;
    };
    spawn_local(async move {
        if acquire(&lock_name(&name), true, false).await {
            become_writer().await;
        }
    });
}

async fn become_writer() {
    let Some((idb, name, vfs)) = STATE.with(|s| {
        s.borrow()
            .as_ref()
            .map(|s| (s.idb.clone(), s.name.clone(), s.vfs.clone()))
    }) else {
        return;
    };
    // Fence off the old writer, then start from every commit it finished.
    let epoch = match claim(&idb, &name).await {
        Ok(e) => e,
        Err(e) => {
            post_status(Some(format!("could not claim the database: {e}")));
            return;
        }
    };
    match load(&idb, &name).await {
        Ok(image) => {
            let durable = image.commit();
            sqlite::set_image(&name, image);
            let reopen = STATE.with(|s| {
                let mut s = s.borrow_mut();
                let st = s.as_mut()?;
                st.role = Role::Writer;
                st.epoch = epoch;
                st.notice = None;
                st.flusher = Flusher::new(durable);
                if st.release.is_none() {
                    st.release = PENDING_RELEASE.with(|p| p.borrow_mut().take());
                }
                Some(st.reopen.clone())
            });
            match Database::open_persistent(&name, &vfs, false) {
                Ok(db) => {
                    if let Some(reopen) = reopen {
                        reopen(db);
                    }
                }
                Err(e) => post_status(Some(format!("could not reopen for writing: {e}"))),
            }
            post_status(None);
        }
        Err(e) => post_status(Some(format!("could not load the database: {e}"))),
    }
}

/// Another tab stole the lock (or fenced this tab's commit off): stop writing at
/// once and follow it as a reader. `why` is shown when a commit was refused.
fn lost_lock(why: Option<String>) {
    let deaf = STEAL_DEAF_MS.with(|d| d.get());
    if why.is_none() && deaf > 0 {
        // Tests only: hear of the steal late, as a busy worker would.
        let later = Closure::once_into_js(move || lost_lock(None));
        let _ = scope()
            .set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), deaf);
        return;
    }
    let info = STATE.with(|s| {
        let mut s = s.borrow_mut();
        let st = s.as_mut()?;
        if st.role != Role::Writer {
            return None;
        }
        if why.is_some() {
            st.notice = why.clone();
        }
        st.role = Role::Reader;
        st.release = None;
        st.flusher.abandon();
        Some((st.name.clone(), st.vfs.clone(), st.reopen.clone()))
    });
    let Some((name, vfs, reopen)) = info else {
        return;
    };
    if let Ok(db) = Database::open_persistent(&name, &vfs, true) {
        reopen(db);
    }
    post_status(None);
    schedule_refresh(None);
    if locks_supported() {
        wait_for_lock(name);
    }
}

thread_local! {
    /// Tests only: milliseconds by which this tab hears late that its lock was stolen.
    static STEAL_DEAF_MS: std::cell::Cell<i32> = const { std::cell::Cell::new(0) };
}

/// Tests only: hear of a stolen lock `ms` late (page message `{persist: "deaf:<ms>"}`),
/// so this tab keeps committing after another tab took over, as a busy worker would.
pub fn hear_steal_late(ms: i32) {
    STEAL_DEAF_MS.with(|d| d.set(ms.max(0)));
}

/// Whether this browser has the Web Locks API (without it every tab writes and
/// only the fencing token keeps them apart).
fn locks_supported() -> bool {
    Reflect::get(&scope().navigator(), &"locks".into()).is_ok_and(|l| l.is_object())
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

/// Starts the next storage write if none is in flight.
fn kick() {
    let started = STATE.with(|s| {
        let mut s = s.borrow_mut();
        let st = s.as_mut()?;
        if st.role != Role::Writer {
            return None;
        }
        let name = st.name.clone();
        let idb = st.idb.clone();
        let quota = st.simulated_quota;
        let epoch = st.epoch;
        let batch = st.flusher.start_next()?.clone();
        Some((name, idb, batch, epoch, quota))
    });
    let Some((name, idb, batch, epoch, quota)) = started else {
        return;
    };
    let full = quota.is_some_and(|q| batch.bytes() as f64 > q);
    if let Err(e) = write_batch(&idb, &name, batch, epoch, full) {
        write_failed(e);
    }
}

/// Tests only: makes storage writes larger than `bytes` fail like a full quota
/// (`None` lifts it). Page message `{persist: "quota:<bytes>"}` / `"quota:off"`.
pub fn simulate_quota(bytes: Option<f64>) {
    STATE.with(|s| {
        if let Some(st) = s.borrow_mut().as_mut() {
            st.simulated_quota = bytes;
        }
    });
}

/// A readwrite transaction with `durability: "strict"`: Chromium's default ("relaxed")
/// fires `complete` before the data is flushed, so a killed browser could lose a commit
/// the page was told is saved. (Called through `Reflect`: web-sys keeps the options
/// argument behind an unstable cfg.)
fn durable_transaction(idb: &IdbDatabase, stores: &Array) -> Result<IdbTransaction, JsValue> {
    let opts = Object::new();
    Reflect::set(&opts, &"durability".into(), &"strict".into())?;
    let open: js_sys::Function = Reflect::get(idb, &"transaction".into())?.dyn_into()?;
    open.call3(idb, stores, &"readwrite".into(), &opts)?
        .dyn_into()
}

/// Stores one commit batch: ONE readwrite transaction that first reads the header
/// record and aborts itself when its fencing token is no longer `epoch` (another
/// tab took over), then puts the changed chunks and the new header record.
fn write_batch(
    idb: &IdbDatabase,
    name: &str,
    batch: CommitBatch,
    epoch: f64,
    simulate_full: bool,
) -> Result<(), String> {
    let stores = Array::of2(&CHUNKS.into(), &META.into());
    let tx = durable_transaction(idb, &stores).map_err(|e| message(&e))?;
    let fenced = Rc::new(std::cell::Cell::new(false));
    let note = Object::new();
    set(&note, "commit", batch.commit as f64);
    set(&note, "size", batch.size as f64);
    let list = Array::new();
    for &i in batch.chunks.keys() {
        list.push(&i.into());
    }
    set(&note, "chunks", list);
    set(&note, "shrunk", batch.shrunk);
    set(&note, "started", now_ms());
    let header = tx
        .object_store(META)
        .and_then(|m| m.get(&name.into()))
        .map_err(|e| message(&e))?;
    let (t, h, f, key_name) = (tx.clone(), header.clone(), fenced.clone(), name.to_owned());
    header.set_onsuccess(Some(
        Closure::once_into_js(move |_: JsValue| {
            let stored = h.result().unwrap_or(JsValue::UNDEFINED);
            if epoch_of(&stored) != epoch {
                f.set(true);
                let _ = t.abort();
                return;
            }
            if fill_batch(&t, &key_name, &batch, epoch).is_err() {
                let _ = t.abort();
            }
        })
        .unchecked_ref(),
    ));
    tx.set_oncomplete(Some(
        Closure::once_into_js(move |_: JsValue| write_completed(note)).unchecked_ref(),
    ));
    if simulate_full {
        let _ = tx.abort();
    }
    let t = tx.clone();
    tx.set_onabort(Some(
        Closure::once_into_js(move |_: JsValue| {
            if fenced.get() {
                lost_lock(Some(
                    "changes made here after another tab took over were not saved".into(),
                ));
                return;
            }
            let why = t
                .error()
                .map(|e| (e.name(), e.message()))
                .or(simulate_full
                    .then(|| ("QuotaExceededError".to_owned(), "simulated".to_owned())))
                .map(|(name, msg)| {
                    if name == "QuotaExceededError" {
                        format!(
                            "storage is full ({name}): the last changes are kept in memory only"
                        )
                    } else {
                        format!("{name}: {msg}")
                    }
                })
                .unwrap_or_else(|| "the storage transaction was aborted".into());
            write_failed(why);
        })
        .unchecked_ref(),
    ));
    Ok(())
}

/// The puts of one commit batch: changed chunks, the dropped tail, the header record.
fn fill_batch(
    tx: &IdbTransaction,
    name: &str,
    batch: &CommitBatch,
    epoch: f64,
) -> Result<(), JsValue> {
    let chunks: IdbObjectStore = tx.object_store(CHUNKS)?;
    for (&i, bytes) in &batch.chunks {
        chunks.put_with_key(&Uint8Array::from(bytes.as_slice()).buffer(), &key(name, i))?;
    }
    if batch.shrunk {
        let tail = IdbKeyRange::bound(&key(name, batch.chunk_count()), &key(name, u32::MAX))?;
        chunks.delete(&tail)?;
    }
    let meta = Object::new();
    set(&meta, "size", batch.size as f64);
    set(&meta, "commit", batch.commit as f64);
    set(&meta, "chunk", CHUNK as f64);
    set(&meta, "v", 1);
    set(&meta, "epoch", epoch);
    tx.object_store(META)?.put_with_key(&meta, &name.into())?;
    Ok(())
}

fn now_ms() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

fn write_completed(note: Object) {
    let base = STATE.with(|s| {
        let mut s = s.borrow_mut();
        let st = s.as_mut()?;
        let base = st.flusher.durable();
        let get = |k: &str| Reflect::get(&note, &k.into()).ok().and_then(|v| v.as_f64());
        let chunks = Reflect::get(&note, &"chunks".into())
            .map(|c| Array::from(&c).length() as f64)
            .unwrap_or(0.0);
        let ms = now_ms() - get("started").unwrap_or(0.0);
        st.last_write = (chunks * CHUNK as f64 + 64.0, chunks, ms);
        st.flusher.completed();
        if let Some(ch) = &st.channel {
            set(&note, "base", base as f64);
            let _ = ch.post_message(&note);
        }
        Some(base)
    });
    if base.is_some() {
        post_status(None);
        kick();
    }
}

fn write_failed(why: String) {
    STATE.with(|s| {
        if let Some(st) = s.borrow_mut().as_mut() {
            st.flusher.failed(why);
        }
    });
    post_status(None);
    // Try again later (and at the next commit): the failed chunks are kept.
    let retry = Closure::once_into_js(kick);
    let _ =
        scope().set_timeout_with_callback_and_timeout_and_arguments_0(retry.unchecked_ref(), 3000);
}

/// A note from the writer tab: a reader catches up.
fn on_note(data: JsValue) {
    let reader = STATE.with(|s| s.borrow().as_ref().is_some_and(|s| s.role == Role::Reader));
    if reader {
        schedule_refresh(Note::read(&data));
    }
}

/// What the writer's note says: the commit stored, the one before it, and the
/// chunks that changed in between.
struct Note {
    base: u64,
    commit: u64,
    chunks: Vec<u32>,
}

impl Note {
    /// Chains notes that follow each other into one (`None` when one is missing).
    fn chain(notes: Vec<Note>) -> Option<Note> {
        let mut it = notes.into_iter();
        let mut acc = it.next()?;
        for n in it {
            if n.base != acc.commit {
                return None;
            }
            acc.commit = n.commit;
            acc.chunks.extend(n.chunks);
        }
        acc.chunks.sort_unstable();
        acc.chunks.dedup();
        Some(acc)
    }

    fn read(data: &JsValue) -> Option<Note> {
        let num = |k: &str| Reflect::get(data, &k.into()).ok().and_then(|v| v.as_f64());
        let chunks = Reflect::get(data, &"chunks".into()).ok()?;
        Some(Note {
            base: num("base")? as u64,
            commit: num("commit")? as u64,
            chunks: Array::from(&chunks)
                .iter()
                .filter_map(|v| v.as_f64().map(|f| f as u32))
                .collect(),
        })
    }
}

/// A refresh read from storage: the whole image, or one commit's chunks on top
/// of the commit `base` this reader already has.
enum Loaded {
    Full(Image),
    Delta { base: u64, batch: CommitBatch },
}

/// Reads only the chunks a note names, with the header record, in one read
/// transaction. `None` when storage has moved past the note's commit (then
/// those chunks may belong to a later commit: reload everything instead).
async fn load_delta(
    idb: &IdbDatabase,
    name: &str,
    note: &Note,
) -> Result<Option<CommitBatch>, String> {
    let stores = Array::of2(&CHUNKS.into(), &META.into());
    let tx = idb
        .transaction_with_str_sequence(&stores)
        .map_err(|e| message(&e))?;
    let meta = tx.object_store(META).map_err(|e| message(&e))?;
    let chunks = tx.object_store(CHUNKS).map_err(|e| message(&e))?;
    let m = request_done(&meta.get(&name.into()).map_err(|e| message(&e))?);
    let mut reqs = Vec::with_capacity(note.chunks.len());
    for &i in &note.chunks {
        let r = chunks.get(&key(name, i)).map_err(|e| message(&e))?;
        reqs.push((i, request_done(&r)));
    }
    let m = m.await.map_err(|e| message(&e))?;
    let num = |f: &str| Reflect::get(&m, &f.into()).ok().and_then(|x| x.as_f64());
    let (Some(size), Some(commit)) = (num("size"), num("commit")) else {
        return Ok(None);
    };
    let mut batch = CommitBatch {
        commit: commit as u64,
        size: size as u64,
        chunks: Default::default(),
        shrunk: false,
    };
    for (i, r) in reqs {
        let v = r.await.map_err(|e| message(&e))?;
        if v.is_undefined() {
            continue;
        }
        let mut bytes = Uint8Array::new(&v).to_vec();
        bytes.resize(CHUNK, 0);
        batch.chunks.insert(i, bytes);
    }
    Ok((batch.commit == note.commit).then_some(batch))
}

/// Catches up with the writer: only the chunks the note names when this reader
/// holds the commit just before it; otherwise the whole stored image (one read
/// transaction either way, so always one committed state). The result is
/// swapped in when SQLite holds no lock on the file.
fn schedule_refresh(note: Option<Note>) {
    let go = STATE.with(|s| {
        let mut s = s.borrow_mut();
        let st = s.as_mut()?;
        if st.refreshing {
            match note {
                Some(n) => st.notes.push(n),
                None => st.refresh_again = true,
            }
            return None;
        }
        st.refreshing = true;
        Some((st.idb.clone(), st.name.clone(), note))
    });
    let Some((idb, name, note)) = go else { return };
    let have = sqlite::image(&name).map(|i| i.borrow().commit());
    spawn_local(async move {
        let delta = match note {
            Some(n) if Some(n.base) == have => load_delta(&idb, &name, &n)
                .await
                .ok()
                .flatten()
                .map(|batch| Loaded::Delta {
                    base: n.base,
                    batch,
                }),
            _ => None,
        };
        let loaded = match delta {
            Some(d) => Ok(d),
            None => load(&idb, &name).await.map(Loaded::Full),
        };
        install_refresh(name, loaded);
    });
}

fn install_refresh(name: String, loaded: Result<Loaded, String>) {
    let busy = sqlite::image(&name).is_some_and(|i| i.borrow().lock_level() > 0);
    if busy {
        // A read transaction is open: try again shortly.
        let retry = Closure::once_into_js(move || install_refresh(name, loaded));
        let _ = scope()
            .set_timeout_with_callback_and_timeout_and_arguments_0(retry.unchecked_ref(), 50);
        return;
    }
    let still_reader = STATE.with(|s| s.borrow().as_ref().is_some_and(|s| s.role == Role::Reader));
    let mut full_needed = false;
    let loaded = match loaded {
        Ok(Loaded::Delta { base, batch }) => {
            let cell = sqlite::image(&name);
            match cell {
                Some(cell) if cell.borrow().commit() == base => {
                    // Applied in place: only the changed chunks are copied.
                    if still_reader {
                        cell.borrow_mut().apply(&batch);
                    }
                    Ok(None)
                }
                _ => {
                    full_needed = true;
                    Err(String::new())
                }
            }
        }
        Ok(Loaded::Full(image)) => Ok(Some(image)),
        Err(e) => Err(e),
    };
    match loaded {
        Ok(image) if still_reader => {
            let delta = image.is_none();
            let commit = match image {
                Some(image) => {
                    let c = image.commit();
                    sqlite::set_image(&name, image);
                    c
                }
                None => sqlite::image(&name)
                    .map(|i| i.borrow().commit())
                    .unwrap_or(0),
            };
            STATE.with(|s| {
                if let Some(st) = s.borrow_mut().as_mut() {
                    st.flusher = Flusher::new(commit);
                    if delta {
                        st.refreshes.0 += 1.0;
                    } else {
                        st.refreshes.1 += 1.0;
                    }
                }
            });
            post_status(None);
        }
        Ok(_) => {}
        Err(_) if full_needed => {}
        Err(e) => post_status(Some(format!("could not follow the writer: {e}"))),
    }
    let next = STATE.with(|s| {
        let mut s = s.borrow_mut();
        let st = s.as_mut()?;
        st.refreshing = false;
        let full = std::mem::take(&mut st.refresh_again) || full_needed;
        let notes = std::mem::take(&mut st.notes);
        if full {
            Some(None)
        } else if notes.is_empty() {
            None
        } else {
            // A broken chain becomes a full reload (None).
            Some(Note::chain(notes))
        }
    });
    if let Some(note) = next {
        schedule_refresh(note);
    }
}
