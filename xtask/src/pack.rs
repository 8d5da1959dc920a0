//! The last step of a release build: the two wasm modules of dist/ shipped compressed.
//!
//! A static host gzips a `.wasm` as it sends it (at best `gzip -9`), or not at all. Zopfli
//! writes the same gzip format ~4.6% smaller than `gzip -9` (worker −42 KB, UI −6 KB of
//! the first visit), at a cost of seconds paid once here. So dist/ holds
//! `app_bg.wasm.gzip` and `worker_bg.wasm.gzip` instead of the modules, and the page
//! inflates each with the browser's own `DecompressionStream('gzip')` as it downloads,
//! into a `Response` that `WebAssembly.instantiateStreaming` compiles as it arrives:
//! the same streaming as before, fewer bytes, no decoder in the download. The suffix is
//! not `.gz`, which some servers answer with `Content-Encoding: gzip` (the browser would
//! inflate it first and the stream second).
//!
//! What names the files: the worker's script (www/worker-boot.js, inlined in index.html)
//! fetches `./worker_bg.wasm` and inflates what it gets if that name ends in `.gzip`; this
//! step renames it there. The UI's module is fetched by the script Trunk writes into
//! index.html (`init({ module_or_path: '/app_bg.wasm' })`) and preloaded by a `<link>`;
//! both are rewritten. Each rewrite must match exactly once, or the build fails.

use std::io::Write;
use std::num::NonZeroU64;
use std::path::Path;

use crate::setup::Result;

/// The suffix of a compressed module (see the module docs for why not `.gz`).
const SUFFIX: &str = ".gzip";

/// Compresses dist/'s `app_bg.wasm` and `worker_bg.wasm` into `*.wasm.gzip` (removing
/// the originals) and points index.html at them.
pub fn pack_wasm(dist: &Path) -> Result {
    for name in ["worker_bg.wasm", "app_bg.wasm"] {
        let path = dist.join(name);
        let wasm = std::fs::read(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
        let packed = gzip(&wasm)?;
        let out = dist.join(format!("{name}{SUFFIX}"));
        std::fs::write(&out, packed).map_err(|e| format!("writing {}: {e}", out.display()))?;
        std::fs::remove_file(&path).map_err(|e| format!("removing {}: {e}", path.display()))?;
    }
    let index = dist.join("index.html");
    let html =
        std::fs::read_to_string(&index).map_err(|e| format!("reading {}: {e}", index.display()))?;
    std::fs::write(&index, rewrite_html(&html)?)
        .map_err(|e| format!("writing {}: {e}", index.display()))
}

/// `bytes` in the gzip format, compressed by Zopfli (15 iterations: its default; more
/// gains a few hundred bytes for seconds more).
///
/// The input goes to the encoder in Zopfli's master blocks of 1,000,000 bytes, as the
/// reference `zopfli` tool cuts it: each is split into at most 15 deflate blocks of its
/// own. (`zopfli::compress` hands a larger input over in one write, whose 15 blocks
/// then span all of it: the worker came out 3.4 KB larger.)
fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    gzip_in_blocks(bytes, 1_000_000)
}

/// [`gzip`] with the input given to the encoder `block` bytes at a time.
fn gzip_in_blocks(bytes: &[u8], block: usize) -> Result<Vec<u8>> {
    let options = zopfli::Options {
        iteration_count: NonZeroU64::new(15).expect("15 is not zero"),
        ..zopfli::Options::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 2);
    let err = |e: std::io::Error| format!("zopfli: {e}");
    let mut encoder =
        zopfli::GzipEncoder::new(options, zopfli::BlockType::Dynamic, &mut out).map_err(err)?;
    for part in bytes.chunks(block) {
        encoder.write_all(part).map_err(err)?;
    }
    encoder.finish().map_err(err)?;
    Ok(out)
}

/// index.html pointing at the compressed modules: the worker script's module name, the
/// UI module's preload and the UI module's fetch, inflated.
fn rewrite_html(html: &str) -> Result<String> {
    let html = replace_once(
        html,
        "\"./worker_bg.wasm\"",
        &format!("\"./worker_bg.wasm{SUFFIX}\""),
    )?;
    let html = replace_once(
        &html,
        r#"href="/app_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm""#,
        &format!(r#"href="/app_bg.wasm{SUFFIX}" crossorigin="anonymous" as="fetch""#),
    )?;
    // The preload's request and this fetch must match (same URL, `cors` mode, same-origin
    // credentials) for the browser to reuse the preloaded bytes.
    replace_once(
        &html,
        "module_or_path: '/app_bg.wasm'",
        &format!(
            "module_or_path: fetch('/app_bg.wasm{SUFFIX}').then((r) => {{ \
             if (!r.ok) throw new Error('app_bg.wasm{SUFFIX}: HTTP ' + r.status); \
             return new Response(r.body.pipeThrough(new DecompressionStream('gzip')), \
             {{ headers: {{ 'Content-Type': 'application/wasm' }} }}); }})"
        ),
    )
}

/// `text` with its one occurrence of `from` replaced by `to`; an error if it has none or
/// several (Trunk or the minifier wrote something this step does not know).
fn replace_once(text: &str, from: &str, to: &str) -> Result<String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!(
            "index.html holds {n} copies of `{from}` (expected one): cannot point it at the compressed wasm"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_each_reference_once() {
        let html = concat!(
            r#"<script type="text/x-ormlab-worker">const W="./worker_bg.wasm";</script>"#,
            r#"<script type="module">const wasm = await init({ module_or_path: '/app_bg.wasm' });</script>"#,
            r#"<link rel="preload" href="/app_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm">"#,
        );
        let out = rewrite_html(html).unwrap();
        assert!(out.contains(r#"W="./worker_bg.wasm.gzip""#));
        assert!(out.contains(r#"href="/app_bg.wasm.gzip" crossorigin="anonymous" as="fetch">"#));
        assert!(out.contains("fetch('/app_bg.wasm.gzip')"));
        assert!(out.contains("DecompressionStream('gzip')"));
        assert!(
            rewrite_html(&out).is_err(),
            "a second rewrite finds nothing to rewrite"
        );
    }

    #[test]
    fn gzip_round_trips_through_the_gzip_tool() {
        let data: Vec<u8> = (0..25_000u32).map(|i| (i * 7 % 251) as u8).collect();
        // (In one block, and in three, as a module over 2 MB goes.)
        let packed = gzip(&data).unwrap();
        assert!(packed.len() < data.len() / 4);
        assert_eq!(gunzip(&gzip_in_blocks(&data, 10_000).unwrap()), data);
        assert_eq!(gunzip(&packed), data);
    }

    /// `packed` inflated by the gzip tool.
    fn gunzip(packed: &[u8]) -> Vec<u8> {
        let mut child = std::process::Command::new("gzip")
            .args(["-d", "-c"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(packed).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        out.stdout
    }
}
