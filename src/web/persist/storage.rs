//! The image in IndexedDB: loading it (one read transaction), claiming it (bumping the
//! fencing token), and the writer's storage writes: one readwrite transaction per commit
//! batch, fenced, one in flight at a time, retried when they fail.

use crate::vfs::DB_STORE_SCHEMA;
use crate::vfs::image::{CHUNK, CommitBatch, Image};
use crate::web::idb::{done as request_done, message};
use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbKeyRange, IdbObjectStore, IdbTransaction};

use super::locks::lost_lock;
use super::{CHUNKS, IDB_NAME, META, Role, STATE, key, post_status, scope, set};

pub(super) async fn open_idb() -> Result<IdbDatabase, String> {
    crate::web::idb::open(IDB_NAME, DB_STORE_SCHEMA).await
}

/// The connection `www/worker-boot.js` opened before the wasm ran (`early`: a promise
/// of an `IDBDatabase` or `null`), when it is at the schema's version; else [`open_idb`].
pub(super) async fn adopt_idb(early: Option<Promise>) -> Result<IdbDatabase, String> {
    if let Some(p) = early
        && let Ok(db) = JsFuture::from(p).await
        && let Ok(db) = db.dyn_into::<IdbDatabase>()
        && let Some(db) = crate::web::idb::adopt(db, DB_STORE_SCHEMA)
    {
        return Ok(db);
    }
    open_idb().await
}

/// Reads database `name`'s image: the header record and every chunk, in one
/// read transaction (so it is one committed state).
pub(super) async fn load(idb: &IdbDatabase, name: &str) -> Result<Image, String> {
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
    Ok(image_from(&m, &k, &v))
}

/// The image of a header record `m` (none: an empty database) and the chunks stored
/// under the keys `k` (`[name, index]`) with the values `v` (`ArrayBuffer`s).
fn image_from(m: &JsValue, k: &Array, v: &Array) -> Image {
    if m.is_undefined() || m.is_null() {
        return Image::new();
    }
    let num = |f: &str| {
        Reflect::get(m, &f.into())
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
    image
}

/// What `www/worker-boot.js` claimed and loaded while the wasm compiled (`early`
/// resolves with `{epoch, record, keys, values}`, or `null` when it did not): the
/// same as [`claim`] then [`load`], done in ONE readwrite transaction over both
/// stores, so no commit can land between the two. `None` when it did not.
pub(super) async fn take_claimed(early: Promise) -> Option<(f64, Image)> {
    let got = JsFuture::from(early).await.ok()?;
    if !got.is_object() {
        return None;
    }
    let get = |k: &str| Reflect::get(&got, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let epoch = get("epoch").as_f64()?;
    let keys: Array = get("keys").dyn_into().ok()?;
    let values: Array = get("values").dyn_into().ok()?;
    Some((epoch, image_from(&get("record"), &keys, &values)))
}

/// Claims database `name` for this tab: bumps the header record's `epoch` in one
/// readwrite transaction and resolves with the new value once it has completed.
/// Commit transactions of a tab holding an older epoch abort themselves (see
/// [`write_batch`]); a load started after this sees every commit that landed.
pub(super) async fn claim(idb: &IdbDatabase, name: &str) -> Result<f64, String> {
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

/// Starts the next storage write if none is in flight.
pub(super) fn kick() {
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
