//! The `ormlab` SQLite VFS, on the `rsqlite-vfs` traits: main database files are
//! [`Image`]s held in memory; every other file (journals, temp files) is a plain
//! memory file. When a transaction ends (the main file's `xSync`, or its lock
//! dropping below RESERVED), the changed chunks are handed to the commit hook as
//! one [`CommitBatch`]; the hook (IndexedDB in the browser) stores them in one
//! storage transaction. SQLite runs with `journal_mode=MEMORY`, so the stored
//! image only ever moves from one committed state to the next.

// Registering a VFS with SQLite is an FFI call (`rsqlite_vfs::register_vfs`); it is
// the only unsafe code here, and the traits above it are safe.
#![allow(unsafe_code)]

use super::image::{CommitBatch, Image};
use crate::core::fxhash::FxMap;
use rsqlite_vfs::{
    AccessMode, FileKind, LockLevel, MemChunksFile, OpenAccess, OpenRequest, OpenedFile,
    OsCallback, SQLiteIoMethods, SQLiteVfs, SyncOptions, VfsError, VfsErrorCode, VfsFile,
    VfsResult, VfsStore,
};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

/// The name this VFS is registered under (the first thread to install it; other
/// threads, only in native tests, get `ormlab-2`, `ormlab-3`, ...).
pub const VFS_NAME: &str = "ormlab";

/// Called with the database name and the batch when a transaction commits.
pub type CommitHook = Rc<dyn Fn(&str, CommitBatch)>;

struct Shared {
    name: String,
    images: RefCell<FxMap<String, Rc<RefCell<Image>>>>,
    others: RefCell<FxMap<String, Rc<RefCell<MemChunksFile>>>>,
    hook: RefCell<Option<CommitHook>>,
    error: RefCell<Option<VfsError>>,
    os: Os,
}

struct Os {
    now_ms: fn() -> i64,
    seed: Cell<u64>,
}

impl OsCallback for Os {
    fn sleep(&self, _dur: Duration) {}

    fn random(&self, buf: &mut [u8]) -> usize {
        // xorshift64*: SQLite only uses this VFS's randomness for temp names.
        let mut x = self.seed.get() ^ (self.now_ms)() as u64 | 1;
        for b in buf.iter_mut() {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            *b = (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8;
        }
        self.seed.set(x);
        buf.len()
    }

    fn epoch_timestamp_in_ms(&self) -> VfsResult<i64> {
        Ok((self.now_ms)())
    }
}

thread_local! {
    static SHARED: RefCell<Option<Rc<Shared>>> = const { RefCell::new(None) };
}

fn shared() -> Option<Rc<Shared>> {
    SHARED.with(|s| s.borrow().clone())
}

/// Registers the VFS (once per thread; later calls do nothing) and returns the
/// name to open databases with. `now_ms` is the wall clock (milliseconds since
/// 1970), which differs between native and wasm.
pub fn install(now_ms: fn() -> i64) -> Result<String, String> {
    if let Some(s) = shared() {
        return Ok(s.name.clone());
    }
    // Finding a free name and registering it must not interleave with another thread
    // doing the same (native tests run in parallel): two threads would register one name
    // and share each other's state.
    static REGISTERING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one_at_a_time = REGISTERING.lock().unwrap_or_else(|e| e.into_inner());
    let mut n = 1;
    let name = loop {
        let name = if n == 1 {
            VFS_NAME.to_owned()
        } else {
            format!("{VFS_NAME}-{n}")
        };
        // SAFETY: a lookup by name; nothing is retained.
        match unsafe { rsqlite_vfs::registered_vfs(&name) } {
            Ok(None) => break name,
            Ok(Some(_)) => n += 1,
            Err(e) => return Err(e.to_string()),
        }
    };
    let data = Rc::new(Shared {
        name: name.clone(),
        images: RefCell::default(),
        others: RefCell::default(),
        hook: RefCell::default(),
        error: RefCell::default(),
        os: Os {
            now_ms,
            seed: Cell::new(0x9E37_79B9_7F4A_7C15),
        },
    });
    // SAFETY: registration happens once per thread (checked above), on the thread
    // that uses SQLite; the app data is an `Rc` kept alive by the registration,
    // which is never unregistered (`into_raw`).
    let reg = unsafe { rsqlite_vfs::register_vfs::<Io, Vfs>(&name, data.clone(), false) }
        .map_err(|e| e.to_string())?;
    let _ = reg.into_raw();
    SHARED.with(|s| *s.borrow_mut() = Some(data));
    Ok(name)
}

/// Sets the function called when a transaction on any database commits.
pub fn set_commit_hook(hook: Option<CommitHook>) {
    if let Some(s) = shared() {
        *s.hook.borrow_mut() = hook;
    }
}

/// Puts (or replaces) the image of database `name`, before or while it is open.
/// Returns the shared cell, whose contents can be swapped later (a reader catching up).
pub fn set_image(name: &str, image: Image) -> Option<Rc<RefCell<Image>>> {
    let s = shared()?;
    let mut images = s.images.borrow_mut();
    let cell = images
        .entry(name.to_owned())
        .or_insert_with(|| Rc::new(RefCell::new(Image::new())))
        .clone();
    *cell.borrow_mut() = image;
    Some(cell)
}

/// The image of database `name`, if one exists.
pub fn image(name: &str) -> Option<Rc<RefCell<Image>>> {
    shared()?.images.borrow().get(name).cloned()
}

/// Puts `bytes` in place of the whole file of database `name` (an import), every
/// chunk to be written by the next [`commit`], or undone by [`restore`]. No connection
/// may have the file open meanwhile: SQLite would keep pages of the old file in its
/// cache. Returns the file's previous bytes; `None` when there is no such file.
pub fn replace(name: &str, bytes: Vec<u8>) -> Option<Vec<u8>> {
    Some(image(name)?.borrow_mut().replace(bytes))
}

/// Commits what was written to database `name` outside SQLite (a [`replace`]): ONE
/// commit, handed to the commit hook as a transaction's is.
pub fn commit(name: &str) {
    if let Some(cell) = image(name) {
        hand_commit(name, &cell);
    }
}

/// Ends a commit of database `name`: what changed since the last one, if anything, goes
/// to the commit hook as one batch.
fn hand_commit(name: &str, image: &RefCell<Image>) {
    let batch = image.borrow_mut().take_commit();
    if let Some(batch) = batch
        && let Some(hook) = shared().and_then(|s| s.hook.borrow().clone())
    {
        hook(name, batch);
    }
}

/// Undoes an uncommitted [`replace`] of database `name`: its file is `old` again.
pub fn restore(name: &str, old: Vec<u8>) {
    if let Some(cell) = image(name) {
        cell.borrow_mut().restore(old);
    }
}

/// Forgets database `name` (open connections keep their handle).
pub fn forget(name: &str) {
    if let Some(s) = shared() {
        s.images.borrow_mut().remove(name);
    }
}

enum Handle {
    Db {
        name: String,
        image: Rc<RefCell<Image>>,
        read_only: bool,
        lock: LockLevel,
    },
    Mem {
        file: Rc<RefCell<MemChunksFile>>,
        read_only: bool,
    },
}

fn read_only_error() -> VfsError {
    VfsError::new(VfsErrorCode::ReadOnly, "file is read-only".into())
}

impl Handle {
    fn end_transaction(&mut self) {
        if let Handle::Db {
            name,
            image,
            read_only: false,
            ..
        } = self
        {
            hand_commit(name, image);
        }
    }
}

fn level_num(level: LockLevel) -> u8 {
    match level {
        LockLevel::None => 0,
        LockLevel::Shared => 1,
        LockLevel::Reserved => 2,
        LockLevel::Pending => 3,
        LockLevel::Exclusive => 4,
    }
}

impl VfsFile for Handle {
    fn read(&mut self, buf: &mut [u8], offset: u64) -> VfsResult<usize> {
        match self {
            Handle::Db { image, .. } => Ok(image.borrow().read(buf, offset)),
            Handle::Mem { file, .. } => file.borrow_mut().read(buf, offset),
        }
    }

    fn write(&mut self, buf: &[u8], offset: u64) -> VfsResult<()> {
        match self {
            Handle::Db {
                read_only: true, ..
            }
            | Handle::Mem {
                read_only: true, ..
            } => Err(read_only_error()),
            Handle::Db { image, .. } => {
                image.borrow_mut().write(buf, offset);
                Ok(())
            }
            Handle::Mem { file, .. } => file.borrow_mut().write(buf, offset),
        }
    }

    fn truncate(&mut self, size: u64) -> VfsResult<()> {
        match self {
            Handle::Db {
                read_only: true, ..
            }
            | Handle::Mem {
                read_only: true, ..
            } => Err(read_only_error()),
            Handle::Db { image, .. } => {
                image.borrow_mut().truncate(size);
                Ok(())
            }
            Handle::Mem { file, .. } => {
                let cur = file.borrow().size()?;
                if size < cur {
                    file.borrow_mut().truncate(size)
                } else {
                    Ok(())
                }
            }
        }
    }

    fn sync(&mut self, _options: SyncOptions) -> VfsResult<()> {
        self.end_transaction();
        Ok(())
    }

    fn size(&self) -> VfsResult<u64> {
        match self {
            Handle::Db { image, .. } => Ok(image.borrow().size()),
            Handle::Mem { file, .. } => file.borrow().size(),
        }
    }

    fn lock(&mut self, level: LockLevel) -> VfsResult<()> {
        if let Handle::Db { lock, image, .. } = self
            && level > *lock
        {
            *lock = level;
            image.borrow_mut().set_lock_level(level_num(level));
        }
        Ok(())
    }

    fn unlock(&mut self, level: LockLevel) -> VfsResult<()> {
        let ending = matches!(self, Handle::Db { lock, .. } if *lock >= LockLevel::Reserved && level < LockLevel::Reserved);
        if ending {
            // Catches transactions whose xSync SQLite skipped (synchronous=OFF).
            self.end_transaction();
        }
        if let Handle::Db { lock, image, .. } = self
            && level < *lock
        {
            *lock = level;
            image.borrow_mut().set_lock_level(level_num(level));
        }
        Ok(())
    }

    fn check_reserved_lock(&self) -> VfsResult<bool> {
        Ok(matches!(self, Handle::Db { lock, .. } if *lock >= LockLevel::Reserved))
    }
}

struct Store;

impl VfsStore for Store {
    type File = Handle;
    type AppData = Rc<Shared>;

    fn record_error(data: &Self::AppData, error: VfsError) {
        data.error.replace(Some(error));
    }

    fn last_error(data: &Self::AppData) -> Option<VfsError> {
        data.error.borrow().clone()
    }

    fn open_file(data: &Self::AppData, request: OpenRequest<'_>) -> VfsResult<OpenedFile<Handle>> {
        let options = request.options;
        let read_only = options.access() == OpenAccess::ReadOnly;
        let access = options.access();
        let Some(filename) = request.filename else {
            return Ok(OpenedFile {
                file: Handle::Mem {
                    file: Rc::new(RefCell::new(MemChunksFile::default())),
                    read_only,
                },
                access,
            });
        };
        let name = filename.path().to_owned();
        if options.kind() == Some(FileKind::MainDb) {
            let image = {
                let mut images = data.images.borrow_mut();
                match images.get(&name) {
                    Some(i) => i.clone(),
                    None if options.create() => images
                        .entry(name.clone())
                        .or_insert_with(|| Rc::new(RefCell::new(Image::new())))
                        .clone(),
                    None => {
                        return Err(VfsError::new(
                            VfsErrorCode::CantOpen,
                            format!("no database named \"{name}\"").into(),
                        ));
                    }
                }
            };
            return Ok(OpenedFile {
                file: Handle::Db {
                    name,
                    image,
                    read_only,
                    lock: LockLevel::None,
                },
                access,
            });
        }
        let mut others = data.others.borrow_mut();
        let file = match others.get(&name) {
            Some(f) => f.clone(),
            None if options.create() => {
                let f = Rc::new(RefCell::new(MemChunksFile::default()));
                others.insert(name, f.clone());
                f
            }
            None => {
                return Err(VfsError::new(
                    VfsErrorCode::CantOpen,
                    format!("file not found: \"{name}\"").into(),
                ));
            }
        };
        Ok(OpenedFile {
            file: Handle::Mem { file, read_only },
            access,
        })
    }

    fn close_file(
        data: &Self::AppData,
        name: Option<&str>,
        file: Handle,
        options: rsqlite_vfs::OpenOptions,
    ) -> VfsResult<()> {
        if let (Some(name), Handle::Mem { file, .. }) = (name, &file)
            && options.delete_on_close()
        {
            let mut others = data.others.borrow_mut();
            if others.get(name).is_some_and(|f| Rc::ptr_eq(f, file)) {
                others.remove(name);
            }
        }
        Ok(())
    }

    fn access(data: &Self::AppData, name: &str, _mode: AccessMode) -> VfsResult<bool> {
        Ok(data.images.borrow().contains_key(name) || data.others.borrow().contains_key(name))
    }

    fn full_pathname(_data: &Self::AppData, name: &str) -> VfsResult<String> {
        Ok(name.to_owned())
    }

    fn delete_file(data: &Self::AppData, name: &str, _sync_dir: bool) -> VfsResult<()> {
        // Main images are never deleted through SQLite; journals are memory files.
        data.others.borrow_mut().remove(name);
        Ok(())
    }
}

struct Io;

impl SQLiteIoMethods for Io {
    type Store = Store;
}

struct Vfs;

impl SQLiteVfs<Io> for Vfs {
    type Os = Os;

    fn os(data: &Rc<Shared>) -> &Os {
        &data.os
    }
}
