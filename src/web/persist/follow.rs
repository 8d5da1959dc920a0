//! A reader follows the writer: the writer's BroadcastChannel notes, chained, name the
//! chunks to re-read (the whole image when a note was missed or storage moved on); the
//! result is swapped in while SQLite holds no lock on the file.

use crate::vfs::image::{CHUNK, CommitBatch, Flusher, Image};
use crate::vfs::sqlite;
use crate::web::idb::{done as request_done, message};
use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::IdbDatabase;

use super::storage::load;
use super::{CHUNKS, META, Role, STATE, key, post_status, scope};

/// A note from the writer tab: a reader catches up.
pub(super) fn on_note(data: JsValue) {
    let reader = STATE.with(|s| s.borrow().as_ref().is_some_and(|s| s.role == Role::Reader));
    if reader {
        schedule_refresh(Note::read(&data));
    }
}

/// What the writer's note says: the commit stored, the one before it, and the
/// chunks that changed in between.
pub(super) struct Note {
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
        // Sorted (the crate's one sort: see `core::sort`) and deduplicated.
        crate::core::sort::sort(&mut acc.chunks);
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
pub(super) fn schedule_refresh(note: Option<Note>) {
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
