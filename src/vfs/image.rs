//! The in-memory image of a database file, with the bookkeeping a commit needs:
//! which 4 KB chunks changed since the last commit, and a group-commit queue
//! ([`Flusher`]) that turns commits into storage writes, one at a time, so that
//! the stored image always equals some committed state.
//!
//! Pure Rust (no SQLite, no browser): the VFS in [`super::sqlite`] and the
//! IndexedDB glue in `web::persist` are thin layers over this.

use std::collections::BTreeMap;

/// Storage unit: the file is stored as chunks of this many bytes (independent of
/// SQLite's page size; a 4096-byte page is exactly one chunk).
pub const CHUNK: usize = 4096;

/// The bytes of one database file, and what changed since the last commit.
#[derive(Debug, Default, Clone)]
pub struct Image {
    data: Vec<u8>,
    dirty: ChunkSet,
    shrunk: bool,
    commit: u64,
    lock: u8,
}

/// A set of chunk indices: one bit per chunk (cheaper than a `BTreeSet` to fill, and the
/// worker then carries no B-tree of `u32` keys besides `CommitBatch::chunks`).
#[derive(Debug, Default, Clone)]
struct ChunkSet {
    words: Vec<u64>,
    len: usize,
}

impl ChunkSet {
    fn insert(&mut self, i: u32) {
        let w = (i / 64) as usize;
        if w >= self.words.len() {
            self.words.resize(w + 1, 0);
        }
        let bit = 1u64 << (i % 64);
        if self.words[w] & bit == 0 {
            self.words[w] |= bit;
            self.len += 1;
        }
    }

    fn insert_all(&mut self, indices: impl Iterator<Item = u32>) {
        for i in indices {
            self.insert(i);
        }
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Keeps the indices below `n`.
    fn retain_below(&mut self, n: u32) {
        let w = (n / 64) as usize;
        if w >= self.words.len() {
            return;
        }
        self.words.truncate(w + 1);
        let keep = n % 64;
        self.words[w] &= (1u64 << keep) - 1;
        self.len = self.words.iter().map(|x| x.count_ones() as usize).sum();
    }

    /// The indices in ascending order.
    fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().enumerate().flat_map(|(w, &word)| {
            let mut bits = word;
            std::iter::from_fn(move || {
                if bits == 0 {
                    return None;
                }
                let b = bits.trailing_zeros();
                bits &= bits - 1;
                Some(w as u32 * 64 + b)
            })
        })
    }
}

/// What one commit (or several grouped ones) must write to storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitBatch {
    /// Commit counter of the newest commit included.
    pub commit: u64,
    /// File size in bytes after the commit.
    pub size: u64,
    /// Changed chunks: index → exactly [`CHUNK`] bytes (zero-padded past the end).
    pub chunks: BTreeMap<u32, Vec<u8>>,
    /// True when the file shrank: stored chunks from `chunk_count()` on must go.
    pub shrunk: bool,
}

/// How many chunks hold `size` bytes.
pub fn chunks_for(size: u64) -> u32 {
    size.div_ceil(CHUNK as u64) as u32
}

impl CommitBatch {
    /// Number of chunks the file has after this batch.
    pub fn chunk_count(&self) -> u32 {
        chunks_for(self.size)
    }

    /// Bytes of chunk data this batch writes.
    pub fn bytes(&self) -> usize {
        self.chunks.len() * CHUNK
    }

    /// Folds a newer batch into this one: the newer chunk contents, size and
    /// counter win; chunks past the newer size are dropped.
    pub fn merge(&mut self, newer: CommitBatch) {
        self.commit = newer.commit;
        self.size = newer.size;
        self.shrunk |= newer.shrunk;
        self.chunks.extend(newer.chunks);
        let n = chunks_for(self.size);
        self.chunks.retain(|&i, _| i < n);
    }
}

impl Image {
    /// An empty file (commit counter 0).
    pub fn new() -> Self {
        Self::default()
    }

    /// Rebuilds an image from stored chunks: `size` bytes, commit counter `commit`.
    /// Chunks past the size are ignored; missing chunks read as zeros.
    pub fn from_chunks<'a>(
        size: u64,
        commit: u64,
        chunks: impl IntoIterator<Item = (u32, &'a [u8])>,
    ) -> Self {
        let size = size as usize;
        let mut data = vec![0u8; size];
        for (i, bytes) in chunks {
            let start = i as usize * CHUNK;
            if start >= size {
                continue;
            }
            let n = bytes.len().min(CHUNK).min(size - start);
            data[start..start + n].copy_from_slice(&bytes[..n]);
        }
        Image {
            data,
            commit,
            ..Self::default()
        }
    }

    /// A zero-filled image of `size` bytes at commit `commit`, to be filled chunk by
    /// chunk with [`Image::chunk_mut`] (loading without an extra copy).
    pub fn zeroed(size: u64, commit: u64) -> Self {
        Image {
            data: vec![0u8; size as usize],
            commit,
            ..Self::default()
        }
    }

    /// The bytes of chunk `i` inside the file (shorter for the last chunk; empty
    /// past the end). Writing here does not mark anything dirty.
    pub fn chunk_mut(&mut self, i: u32) -> &mut [u8] {
        let start = (i as usize).saturating_mul(CHUNK).min(self.data.len());
        let end = start.saturating_add(CHUNK).min(self.data.len());
        &mut self.data[start..end]
    }

    /// Replaces the whole file with `bytes` (an import): every chunk is dirty, so the
    /// next commit writes them all (and drops stored chunks past a smaller end).
    /// Returns the file's previous bytes, for [`Image::restore`].
    pub fn replace(&mut self, bytes: Vec<u8>) -> Vec<u8> {
        self.shrunk |= bytes.len() < self.data.len();
        self.dirty = ChunkSet::default();
        self.dirty.insert_all(0..chunks_for(bytes.len() as u64));
        std::mem::replace(&mut self.data, bytes)
    }

    /// Undoes a [`Image::replace`] of a clean image before its commit: the file is
    /// `old` again, with nothing to write.
    pub fn restore(&mut self, old: Vec<u8>) {
        self.data = old;
        self.dirty = ChunkSet::default();
        self.shrunk = false;
    }

    /// File size in bytes.
    pub fn size(&self) -> u64 {
        self.data.len() as u64
    }

    /// The whole file.
    pub fn bytes(&self) -> &[u8] {
        &self.data
    }

    /// The counter of the last commit taken (or loaded).
    pub fn commit(&self) -> u64 {
        self.commit
    }

    /// True when something was written since the last commit.
    pub fn is_dirty(&self) -> bool {
        !self.dirty.is_empty() || self.shrunk
    }

    /// SQLite's lock level on this file (0 none … 4 exclusive), kept here so a
    /// refresh from storage can wait until no transaction reads the file.
    pub fn lock_level(&self) -> u8 {
        self.lock
    }

    /// Records SQLite's lock level.
    pub fn set_lock_level(&mut self, level: u8) {
        self.lock = level;
    }

    /// Reads into `buf` from `offset`; returns how many bytes were available.
    pub fn read(&self, buf: &mut [u8], offset: u64) -> usize {
        let len = self.data.len() as u64;
        if offset >= len {
            return 0;
        }
        let start = offset as usize;
        let n = buf.len().min(self.data.len() - start);
        buf[..n].copy_from_slice(&self.data[start..start + n]);
        n
    }

    /// Writes `buf` at `offset`, growing the file (zero-filled) as needed.
    pub fn write(&mut self, buf: &[u8], offset: u64) {
        if buf.is_empty() {
            return;
        }
        let start = offset as usize;
        let end = start + buf.len();
        if end > self.data.len() {
            self.data.resize(end, 0);
        }
        self.data[start..end].copy_from_slice(buf);
        let first = (start / CHUNK) as u32;
        let last = ((end - 1) / CHUNK) as u32;
        self.dirty.insert_all(first..=last);
    }

    /// Sets the file size (shrinking drops bytes; growing zero-fills).
    pub fn truncate(&mut self, size: u64) {
        let size = size as usize;
        let old = self.data.len();
        if size < old {
            self.data.truncate(size);
            self.shrunk = true;
            let n = chunks_for(size as u64);
            self.dirty.retain_below(n);
            if !size.is_multiple_of(CHUNK) {
                // The last chunk's tail changed (now zeros past the end).
                self.dirty.insert(n - 1);
            }
        } else if size > old {
            self.data.resize(size, 0);
            let first = (old / CHUNK) as u32;
            self.dirty.insert_all(first..chunks_for(size as u64));
        }
    }

    fn chunk(&self, i: u32) -> Vec<u8> {
        let start = i as usize * CHUNK;
        let mut out = vec![0u8; CHUNK];
        if start < self.data.len() {
            let n = CHUNK.min(self.data.len() - start);
            out[..n].copy_from_slice(&self.data[start..start + n]);
        }
        out
    }

    /// Ends a transaction: when anything changed, bumps the commit counter and
    /// returns what storage must write (a copy, so later writes cannot leak in).
    pub fn take_commit(&mut self) -> Option<CommitBatch> {
        if !self.is_dirty() {
            return None;
        }
        self.commit += 1;
        let dirty = std::mem::take(&mut self.dirty);
        // In order already; inserted one by one: `collect()` into a B-tree sorts first,
        // and that sort would be one more in the worker's wasm.
        let mut chunks = BTreeMap::new();
        for i in dirty.iter() {
            chunks.insert(i, self.chunk(i));
        }
        let batch = CommitBatch {
            commit: self.commit,
            size: self.size(),
            chunks,
            shrunk: std::mem::take(&mut self.shrunk),
        };
        Some(batch)
    }

    /// Applies a batch that another writer stored (a reader catching up).
    pub fn apply(&mut self, batch: &CommitBatch) {
        self.data.resize(batch.size as usize, 0);
        for (&i, bytes) in &batch.chunks {
            let start = i as usize * CHUNK;
            if start >= self.data.len() {
                continue;
            }
            let n = CHUNK.min(self.data.len() - start).min(bytes.len());
            self.data[start..start + n].copy_from_slice(&bytes[..n]);
        }
        self.commit = batch.commit;
    }
}

/// Group commit: at most one storage write in flight; commits made meanwhile are
/// merged into the next write. A failed write is merged back (its chunks are
/// rewritten with the newer ones), so storage never holds a mix of commits.
#[derive(Debug, Default)]
pub struct Flusher {
    pending: Option<CommitBatch>,
    in_flight: Option<CommitBatch>,
    durable: u64,
    last_error: Option<String>,
}

impl Flusher {
    /// A flusher whose storage already holds commit `durable`.
    pub fn new(durable: u64) -> Self {
        Flusher {
            durable,
            ..Self::default()
        }
    }

    /// Queues a commit.
    pub fn push(&mut self, batch: CommitBatch) {
        match &mut self.pending {
            Some(p) => p.merge(batch),
            None => self.pending = Some(batch),
        }
    }

    /// The next write to start, if none is in flight and something is pending.
    /// The batch stays owned here until [`Flusher::completed`] or [`Flusher::failed`].
    pub fn start_next(&mut self) -> Option<&CommitBatch> {
        if self.in_flight.is_some() {
            return None;
        }
        self.in_flight = self.pending.take();
        self.in_flight.as_ref()
    }

    /// The write in flight finished: its commit is durable.
    pub fn completed(&mut self) -> u64 {
        if let Some(b) = self.in_flight.take() {
            self.durable = b.commit;
        }
        self.last_error = None;
        self.durable
    }

    /// The write in flight failed: keep its chunks for the next attempt.
    pub fn failed(&mut self, error: impl Into<String>) {
        if let Some(mut b) = self.in_flight.take() {
            if let Some(newer) = self.pending.take() {
                b.merge(newer);
            }
            self.pending = Some(b);
        }
        self.last_error = Some(error.into());
    }

    /// True when storage holds the newest commit.
    pub fn is_saved(&self) -> bool {
        self.pending.is_none() && self.in_flight.is_none()
    }

    /// True when a write is in flight.
    pub fn is_busy(&self) -> bool {
        self.in_flight.is_some()
    }

    /// The newest commit storage holds.
    pub fn durable(&self) -> u64 {
        self.durable
    }

    /// Why the last write failed (cleared by the next success).
    pub fn last_error(&self) -> Option<&str> {
        self.last_error.as_deref()
    }

    /// Drops everything not yet written (this tab lost the right to write).
    pub fn abandon(&mut self) {
        self.pending = None;
        self.in_flight = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunk_set_is_a_sorted_set() {
        let mut set = ChunkSet::default();
        assert!(set.is_empty());
        set.insert_all([200, 3, 64, 63, 3, 0, 127, 128].into_iter());
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            [0, 3, 63, 64, 127, 128, 200]
        );
        assert_eq!(set.len, 7);
        set.retain_below(128);
        assert_eq!(set.iter().collect::<Vec<_>>(), [0, 3, 63, 64, 127]);
        set.retain_below(64);
        assert_eq!(set.iter().collect::<Vec<_>>(), [0, 3, 63]);
        set.retain_below(1000);
        assert_eq!(set.len, 3);
        set.retain_below(0);
        assert!(set.is_empty());
        assert_eq!(set.iter().count(), 0);
    }

    fn page(b: u8) -> Vec<u8> {
        vec![b; CHUNK]
    }

    #[test]
    fn commit_takes_only_touched_chunks() {
        let mut img = Image::new();
        for i in 0..10u8 {
            img.write(&page(i), i as u64 * CHUNK as u64);
        }
        let b = img.take_commit().unwrap();
        assert_eq!(b.chunks.len(), 10);
        assert_eq!(b.commit, 1);
        assert!(img.take_commit().is_none());
        img.write(&[7; 10], 3 * CHUNK as u64 + 5);
        img.write(&page(9), 0);
        let b = img.take_commit().unwrap();
        assert_eq!(b.chunks.keys().copied().collect::<Vec<_>>(), vec![0, 3]);
        assert_eq!(b.commit, 2);
        assert_eq!(b.size, 10 * CHUNK as u64);
        assert_eq!(&b.chunks[&3][5..15], &[7; 10]);
    }

    #[test]
    fn zeroed_images_fill_chunk_by_chunk() {
        let mut img = Image::zeroed(CHUNK as u64 + 10, 7);
        img.chunk_mut(1).copy_from_slice(&[3; 10]);
        assert_eq!(img.chunk_mut(2).len(), 0);
        assert_eq!(&img.bytes()[CHUNK..], &[3; 10]);
        assert!(!img.is_dirty());
        assert_eq!(img.commit(), 7);
    }

    #[test]
    fn unaligned_write_spanning_chunks_marks_both() {
        let mut img = Image::new();
        img.write(&[1; 100], CHUNK as u64 - 50);
        let b = img.take_commit().unwrap();
        assert_eq!(b.chunks.keys().copied().collect::<Vec<_>>(), vec![0, 1]);
        assert_eq!(b.size, CHUNK as u64 + 50);
    }

    #[test]
    fn round_trip_through_chunks() {
        let mut img = Image::new();
        img.write(
            &(0..=255u8).cycle().take(3 * CHUNK + 17).collect::<Vec<_>>(),
            0,
        );
        let b = img.take_commit().unwrap();
        let back = Image::from_chunks(
            b.size,
            b.commit,
            b.chunks.iter().map(|(&i, v)| (i, v.as_slice())),
        );
        assert_eq!(back.bytes(), img.bytes());
        assert_eq!(back.commit(), 1);
    }

    #[test]
    fn shrink_is_recorded_and_merged() {
        let mut img = Image::new();
        img.write(&page(1), 0);
        img.write(&page(2), CHUNK as u64);
        img.write(&page(3), 2 * CHUNK as u64);
        let mut first = img.take_commit().unwrap();
        img.truncate(CHUNK as u64);
        let second = img.take_commit().unwrap();
        assert!(second.shrunk);
        assert_eq!(second.chunk_count(), 1);
        first.merge(second);
        assert_eq!(first.chunks.keys().copied().collect::<Vec<_>>(), vec![0]);
        assert!(first.shrunk);
    }

    #[test]
    fn flusher_groups_commits_and_survives_failures() {
        let mut img = Image::new();
        let mut f = Flusher::new(0);
        img.write(&page(1), 0);
        f.push(img.take_commit().unwrap());
        assert_eq!(f.start_next().unwrap().commit, 1);
        // Two commits while the first write is in flight: grouped.
        img.write(&page(2), CHUNK as u64);
        f.push(img.take_commit().unwrap());
        img.write(&page(3), 2 * CHUNK as u64);
        f.push(img.take_commit().unwrap());
        assert!(f.start_next().is_none());
        assert!(!f.is_saved());
        // The first write fails (quota): its chunk is retried with the others.
        f.failed("QuotaExceededError");
        assert_eq!(f.last_error(), Some("QuotaExceededError"));
        let next = f.start_next().unwrap().clone();
        assert_eq!(next.commit, 3);
        assert_eq!(
            next.chunks.keys().copied().collect::<Vec<_>>(),
            vec![0, 1, 2]
        );
        assert_eq!(f.completed(), 3);
        assert!(f.is_saved());
        assert_eq!(f.last_error(), None);
    }

    #[test]
    fn apply_replays_a_stored_batch() {
        let mut writer = Image::new();
        writer.write(&page(1), 0);
        let b1 = writer.take_commit().unwrap();
        let mut reader = Image::new();
        reader.apply(&b1);
        writer.write(&page(5), CHUNK as u64);
        writer.write(&[9; 3], 0);
        let b2 = writer.take_commit().unwrap();
        reader.apply(&b2);
        assert_eq!(reader.bytes(), writer.bytes());
        assert_eq!(reader.commit(), 2);
    }
}
