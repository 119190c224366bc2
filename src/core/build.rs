//! Embeds the shared corpus into the test binary (wasm tests under Node cannot read files).
//!
//! The corpus is found through `LLMTAP_CORPUS`, else `../shared/corpus` beside the workspace.
//! Writes `$OUT_DIR/corpus.rs` with one `(relative path, bytes)` entry per file and the
//! manifest text; it is only `include!`d by `#[cfg(test)]` code, so the filter never links it.
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=LLMTAP_CORPUS");
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let corpus = std::env::var("LLMTAP_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| manifest_dir.join("../../../shared/corpus"));
    let corpus = corpus.canonicalize().unwrap_or(corpus);
    println!("cargo:rerun-if-changed={}", corpus.display());
    let mut files = Vec::new();
    collect(&corpus, &corpus, &mut files);
    files.sort();
    let mut out = String::from("pub static FILES: &[(&str, &[u8])] = &[\n");
    for rel in &files {
        let _ = writeln!(
            out,
            "    ({rel:?}, include_bytes!({:?})),",
            corpus.join(rel).display().to_string()
        );
    }
    out.push_str("];\n");
    let manifest = corpus.join("manifest.json");
    if manifest.exists() {
        let _ = writeln!(
            out,
            "pub static MANIFEST: &str = include_str!({:?});",
            manifest.display().to_string()
        );
    } else {
        out.push_str("pub static MANIFEST: &str = \"\";\n");
    }
    let _ = writeln!(
        out,
        "pub static LOCATION: &str = {:?};",
        corpus.display().to_string()
    );
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    if let Err(e) = std::fs::write(out_dir.join("corpus.rs"), out) {
        println!("cargo:warning=cannot write corpus.rs: {e}");
    }
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "refusals") {
                continue; // phrase lists and labelled answers are not wire recordings
            }
            collect(root, &path, files);
        } else if let Ok(rel) = path.strip_prefix(root) {
            let rel = rel.display().to_string();
            if rel.contains('/') {
                files.push(rel);
            }
        }
    }
}
