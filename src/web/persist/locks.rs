//! One writer per workspace: the Web Lock `ormlab-db:<workspace>`, a reader queueing
//! for it, "take over" (stealing it), becoming the writer (claim, then load), and losing
//! the lock or being fenced off (back to reader).

use crate::db::Database;
use crate::vfs::image::Flusher;
use crate::vfs::sqlite;
use js_sys::{Function, Object, Promise, Reflect};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, spawn_local};

use super::follow::schedule_refresh;
use super::storage::{claim, load};
use super::{Role, STATE, post_status, scope, set};

/// Asks for the workspace's lock: `steal` takes it from another tab; otherwise
/// only if free (`wait` = false) or when it becomes free (`wait` = true).
/// Resolves true when this worker holds it. Without Web Locks, every tab writes.
pub(super) async fn acquire(lock_name: &str, steal: bool, wait: bool) -> bool {
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

/// Takes over the request for the lock that `www/worker-boot.js` made before the wasm
/// ran (`early` resolves with `{granted, stolen, release, request}`; the same request as
/// `acquire(name, false, false)`). Resolves true when this worker holds the lock; `None`
/// when `early` is not such a request (then [`acquire`] asks).
pub(super) async fn adopt(early: Promise) -> Option<bool> {
    let state = JsFuture::from(early).await.ok()?;
    let get = |k: &str| Reflect::get(&state, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let request: Promise = get("request").dyn_into().ok()?;
    let lost = Closure::once(move |_: JsValue| lost_lock(None));
    let _ = request.catch(&lost);
    lost.forget();
    // Stolen before the wasm ran: another tab writes now.
    if get("granted") != JsValue::TRUE || get("stolen") == JsValue::TRUE {
        return Some(false);
    }
    let release: Function = get("release").dyn_into().ok()?;
    PENDING_RELEASE.with(|p| *p.borrow_mut() = Some(release));
    Some(true)
}

thread_local! {
    pub(super) static PENDING_RELEASE: RefCell<Option<Function>> = const { RefCell::new(None) };
}

pub(super) fn lock_name(name: &str) -> String {
    format!("ormlab-db:{name}")
}

/// A reader queues for the lock: when the writer's tab closes, it becomes the writer.
pub(super) fn wait_for_lock(name: String) {
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
pub(super) fn lost_lock(why: Option<String>) {
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
