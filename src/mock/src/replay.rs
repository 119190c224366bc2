//! `x-mock-replay`: serving a recorded response byte for byte.
//!
//! Pieces: by default one per event — after each blank line (`\n\n` or `\r\n\r\n`) for SSE
//! and other text, after each line for `.ndjson`, the whole file for `.bin` (AWS event
//! stream); with `x-mock-split-bytes: N`, N-byte pieces regardless of content. The first
//! piece is written at once, then `x-mock-replay-delay-ms` between pieces.

use super::body::Piece;
use bytes::Bytes;
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

/// Why a replay cannot be served.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReplayError {
    #[error("x-mock-replay needs the mock to be started with --replay-dir")]
    NoReplayDir,
    #[error(
        "x-mock-replay {0:?} must be a relative path inside --replay-dir (no `..`, not absolute)"
    )]
    BadPath(String),
    #[error("x-mock-replay {0:?}: no such file under --replay-dir")]
    NotFound(String),
}

/// The file `rel` names under `dir`, refusing anything that could leave `dir` (`..`,
/// absolute paths, symlinks pointing outside).
pub fn resolve(dir: Option<&Path>, rel: &str) -> Result<PathBuf, ReplayError> {
    let dir = dir.ok_or(ReplayError::NoReplayDir)?;
    let rel_path = Path::new(rel);
    let plain = !rel.is_empty()
        && rel_path
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if !plain {
        return Err(ReplayError::BadPath(rel.to_owned()));
    }
    let not_found = || ReplayError::NotFound(rel.to_owned());
    let root = dir.canonicalize().map_err(|_| not_found())?;
    let file = root
        .join(rel_path)
        .canonicalize()
        .map_err(|_| not_found())?;
    if !file.starts_with(&root) {
        return Err(ReplayError::BadPath(rel.to_owned()));
    }
    if !file.is_file() {
        return Err(not_found());
    }
    Ok(file)
}

/// How a recorded file is framed, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    /// `.sse` and anything else: split after blank lines.
    Events,
    /// `.ndjson`: split after every line.
    Lines,
    /// `.bin`: one piece.
    Whole,
}

/// Content type and framing of a recorded file.
pub fn kind(path: &Path) -> (&'static str, Framing) {
    match path.extension().and_then(|e| e.to_str()) {
        Some("sse") => ("text/event-stream", Framing::Events),
        Some("ndjson") => ("application/x-ndjson", Framing::Lines),
        Some("bin") => ("application/vnd.amazon.eventstream", Framing::Whole),
        Some("json") => ("application/json", Framing::Events),
        _ => ("application/octet-stream", Framing::Events),
    }
}

/// Where the pieces end (exclusive offsets, the last one = `data.len()`).
pub fn split_points(data: &[u8], framing: Framing, split_bytes: Option<usize>) -> Vec<usize> {
    let mut ends = Vec::new();
    if let Some(n) = split_bytes.filter(|n| *n > 0) {
        let mut at = n;
        while at < data.len() {
            ends.push(at);
            at += n;
        }
    } else {
        for (i, byte) in data.iter().enumerate() {
            if *byte != b'\n' {
                continue;
            }
            let end = match framing {
                Framing::Whole => false,
                Framing::Lines => true,
                Framing::Events => {
                    // This `\n` ends an empty line: preceded by `\n` or by `\n\r`.
                    (i >= 1 && data[i - 1] == b'\n')
                        || (i >= 2 && data[i - 1] == b'\r' && data[i - 2] == b'\n')
                }
            };
            if end && i + 1 < data.len() {
                ends.push(i + 1);
            }
        }
    }
    if !data.is_empty() {
        ends.push(data.len());
    }
    ends
}

/// The timed pieces of a replay.
pub fn pieces(
    data: Bytes,
    framing: Framing,
    split_bytes: Option<usize>,
    delay: Duration,
) -> Vec<Piece> {
    let mut start = 0;
    split_points(&data, framing, split_bytes)
        .into_iter()
        .enumerate()
        .map(|(index, end)| {
            let piece = Piece {
                delay: if index == 0 { Duration::ZERO } else { delay },
                bytes: data.slice(start..end),
            };
            start = end;
            piece
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(pieces: &[Piece]) -> Vec<&str> {
        pieces
            .iter()
            .map(|p| std::str::from_utf8(&p.bytes).unwrap())
            .collect()
    }

    #[test]
    fn splits_sse_after_blank_lines_both_line_endings() {
        let data = Bytes::from_static(b"data: a\n\ndata: b\r\n\r\nevent: x\ndata: c\n\ntrailing");
        let p = pieces(data, Framing::Events, None, Duration::from_millis(5));
        assert_eq!(
            texts(&p),
            [
                "data: a\n\n",
                "data: b\r\n\r\n",
                "event: x\ndata: c\n\n",
                "trailing"
            ]
        );
        assert_eq!(p[0].delay, Duration::ZERO);
        assert_eq!(p[1].delay, Duration::from_millis(5));
    }

    #[test]
    fn ndjson_by_line_bin_whole_and_byte_splits() {
        let data = Bytes::from_static(b"{\"a\":1}\n{\"b\":2}\n");
        assert_eq!(
            texts(&pieces(data.clone(), Framing::Lines, None, Duration::ZERO)),
            ["{\"a\":1}\n", "{\"b\":2}\n"]
        );
        assert_eq!(
            texts(&pieces(data.clone(), Framing::Whole, None, Duration::ZERO)).len(),
            1
        );
        let p = pieces(data.clone(), Framing::Events, Some(5), Duration::ZERO);
        assert_eq!(texts(&p), ["{\"a\":", "1}\n{\"", "b\":2}", "\n"]);
        let joined: Vec<u8> = p.iter().flat_map(|p| p.bytes.to_vec()).collect();
        assert_eq!(joined, data.to_vec());
        assert!(pieces(Bytes::new(), Framing::Events, None, Duration::ZERO).is_empty());
    }

    #[test]
    fn content_types_by_extension() {
        assert_eq!(kind(Path::new("a/b.sse")).0, "text/event-stream");
        assert_eq!(
            kind(Path::new("b.ndjson")),
            ("application/x-ndjson", Framing::Lines)
        );
        assert_eq!(
            kind(Path::new("b.bin")),
            ("application/vnd.amazon.eventstream", Framing::Whole)
        );
        assert_eq!(kind(Path::new("b.json")).0, "application/json");
    }

    #[test]
    fn paths_stay_inside_the_replay_dir() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("replays");
        std::fs::create_dir_all(dir.join("openai")).unwrap();
        std::fs::write(dir.join("openai/chat.sse"), b"data: x\n\n").unwrap();
        std::fs::write(tmp.path().join("secret"), b"s").unwrap();
        assert!(resolve(Some(&dir), "openai/chat.sse").is_ok());
        assert!(resolve(Some(&dir), "./openai/chat.sse").is_ok());
        for bad in ["../secret", "openai/../../secret", "/etc/passwd", ""] {
            assert_eq!(
                resolve(Some(&dir), bad),
                Err(ReplayError::BadPath(bad.into())),
                "{bad}"
            );
        }
        assert_eq!(
            resolve(Some(&dir), "missing.sse"),
            Err(ReplayError::NotFound("missing.sse".into()))
        );
        assert_eq!(
            resolve(Some(&dir), "openai"),
            Err(ReplayError::NotFound("openai".into()))
        );
        std::os::unix::fs::symlink(tmp.path().join("secret"), dir.join("link")).unwrap();
        assert_eq!(
            resolve(Some(&dir), "link"),
            Err(ReplayError::BadPath("link".into()))
        );
        assert_eq!(resolve(None, "x"), Err(ReplayError::NoReplayDir));
    }
}
