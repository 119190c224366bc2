//! Newline-delimited JSON line framer with bounded memory (Ollama streams,
//! `application/x-ndjson`).
//!
//! Format: one JSON text per line, lines end with `\n`; a `\r` before it is dropped (CRLF)
//! (NDJSON spec <https://github.com/ndjson/ndjson-spec>, JSON Lines <https://jsonlines.org/>).
//! Lines that are empty or only white space are ignored. A last line without `\n` is
//! dispatched by [`NdjsonFramer::finish`].
//!
//! Reads are arbitrary slices of the body: a line, or a UTF-8 character, can be split
//! anywhere. A line lying entirely inside one read is handed out as a slice of it (no copy);
//! a line split across reads is re-joined in a buffer that never exceeds the cap given to
//! [`NdjsonFramer::new`]. A longer line is, with a [`ReduceSchema`]
//! ([`NdjsonFramer::with_schema`]), read as it streams by a [`JsonReducer`] and dispatched as
//! its skeleton (see [`super::json_reduce`]); without one, or when even its skeleton exceeds
//! the cap, it is counted in [`NdjsonStats::oversized_lines`] and skipped up to the next
//! `\n`. Lengths are in bytes.

use super::json_reduce::{JsonReducer, ReduceError, ReduceSchema};
use memchr::memchr;

/// Counters kept by the framer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NdjsonStats {
    /// Lines dispatched.
    pub lines: u64,
    /// Lines dropped because they exceeded the cap.
    pub oversized_lines: u64,
}

/// The framer's state for one stream.
#[derive(Debug)]
pub struct NdjsonFramer {
    cap: usize,
    /// How to read a line longer than the cap; `None`: skip it.
    schema: Option<&'static ReduceSchema>,
    /// The reducer of the current long line (kept for the next one).
    reducer: Option<Box<JsonReducer>>,
    /// The current line is longer than the cap and streams through `reducer`.
    streaming: bool,
    /// The unterminated line carried over from previous reads.
    line: Vec<u8>,
    /// Skipping an oversized line up to the next `\n`.
    skipping: bool,
    stats: NdjsonStats,
}

impl NdjsonFramer {
    /// A framer whose carried-over line never exceeds `cap` bytes.
    pub fn new(cap: usize) -> Self {
        NdjsonFramer {
            cap,
            schema: None,
            reducer: None,
            streaming: false,
            line: Vec::new(),
            skipping: false,
            stats: NdjsonStats::default(),
        }
    }

    /// A framer that reads lines longer than `cap` with `schema` instead of skipping them.
    pub fn with_schema(cap: usize, schema: &'static ReduceSchema) -> Self {
        NdjsonFramer {
            schema: Some(schema),
            ..NdjsonFramer::new(cap)
        }
    }

    pub fn stats(&self) -> NdjsonStats {
        self.stats
    }

    /// Bytes currently held (the carried-over line).
    pub fn buffered_bytes(&self) -> usize {
        self.line.len()
    }

    /// Bytes of memory the buffer has reserved.
    pub fn reserved_bytes(&self) -> usize {
        self.line.capacity() + self.reducer.as_ref().map_or(0, |r| r.reserved_bytes())
    }

    /// Feeds one read of the body; calls `on_line` for every non-blank line it completes
    /// (without its line ending).
    pub fn feed<F: FnMut(&[u8])>(&mut self, read: &[u8], on_line: &mut F) {
        self.feed_with_text(read, on_line, &mut |_| {});
    }

    /// [`Self::feed`], handing each piece of visible text of a long line to `on_text` as it
    /// streams (raw JSON string contents).
    pub fn feed_with_text<F: FnMut(&[u8])>(
        &mut self,
        read: &[u8],
        on_line: &mut F,
        on_text: &mut dyn FnMut(&[u8]),
    ) {
        let mut rest = read;
        while !rest.is_empty() {
            let Some(end) = memchr(b'\n', rest) else {
                if self.streaming {
                    self.feed_reducer(rest, on_text);
                } else {
                    self.carry(rest, on_text);
                }
                return;
            };
            let part = rest.get(..end).unwrap_or_default();
            rest = rest.get(end + 1..).unwrap_or_default();
            if self.streaming {
                self.feed_reducer(part, on_text);
                self.dispatch_streamed(on_line);
                continue;
            }
            if self.skipping {
                self.skipping = false;
                continue;
            }
            if self.line.is_empty() {
                if part.len() > self.cap {
                    if self.schema.is_some() {
                        self.start_streaming(on_text);
                        self.feed_reducer(part, on_text);
                        self.dispatch_streamed(on_line);
                    } else {
                        self.stats.oversized_lines += 1;
                    }
                } else {
                    self.dispatch(part, on_line);
                }
            } else {
                self.carry(part, on_text);
                if self.streaming {
                    self.dispatch_streamed(on_line);
                    continue;
                }
                if self.skipping {
                    self.skipping = false; // the oversized line ended here
                    continue;
                }
                let line = std::mem::take(&mut self.line);
                self.dispatch(&line, on_line);
                self.line = line;
                self.line.clear();
            }
        }
    }

    /// Ends the stream: a last line without `\n` is dispatched.
    pub fn finish<F: FnMut(&[u8])>(&mut self, on_line: &mut F) {
        if self.streaming {
            self.dispatch_streamed(on_line);
        }
        if !self.skipping && !self.line.is_empty() {
            let line = std::mem::take(&mut self.line);
            self.dispatch(&line, on_line);
            self.line = line;
        }
        self.line.clear();
        self.skipping = false;
    }

    fn carry(&mut self, bytes: &[u8], on_text: &mut dyn FnMut(&[u8])) {
        if self.skipping {
            return;
        }
        let len = self.line.len() + bytes.len();
        if len > self.cap {
            if self.schema.is_some() {
                self.start_streaming(on_text);
                self.feed_reducer(bytes, on_text);
                return;
            }
            self.stats.oversized_lines += 1;
            self.skipping = true;
            self.line.clear();
            return;
        }
        if len > self.line.capacity() {
            // Grow geometrically, but never reserve past the cap.
            let target = len.max(self.line.capacity() * 2).min(self.cap);
            self.line.reserve_exact(target - self.line.len());
        }
        self.line.extend_from_slice(bytes);
    }

    /// The current line outgrew the cap: what was carried goes to the reducer, and so will
    /// the rest of the line.
    fn start_streaming(&mut self, on_text: &mut dyn FnMut(&[u8])) {
        let Some(schema) = self.schema else { return };
        let reducer = self
            .reducer
            .get_or_insert_with(|| Box::new(JsonReducer::new(schema, self.cap)));
        reducer.reset(b"");
        reducer.feed(&self.line, on_text);
        // The carried line is not needed any more: give its memory back.
        self.line = Vec::new();
        self.streaming = true;
    }

    fn feed_reducer(&mut self, bytes: &[u8], on_text: &mut dyn FnMut(&[u8])) {
        if let Some(reducer) = self.reducer.as_mut() {
            reducer.feed(bytes, on_text);
        }
    }

    /// Dispatches the long line's skeleton (or counts it as oversized).
    fn dispatch_streamed<F: FnMut(&[u8])>(&mut self, on_line: &mut F) {
        self.streaming = false;
        let Some(reducer) = self.reducer.as_mut() else {
            return;
        };
        match reducer.finish() {
            Ok(skeleton) => {
                self.stats.lines += 1;
                on_line(skeleton);
            }
            Err(ReduceError::TooLarge) => self.stats.oversized_lines += 1,
            Err(ReduceError::Syntax) => {
                // Not a JSON document: a truncated one every decoder reports as malformed.
                self.stats.lines += 1;
                on_line(b"{");
            }
        }
    }

    fn dispatch<F: FnMut(&[u8])>(&mut self, line: &[u8], on_line: &mut F) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.trim_ascii().is_empty() {
            return;
        }
        self.stats.lines += 1;
        on_line(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{random_splits, Rng};
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn frame_all(reads: &[&[u8]], cap: usize) -> (Vec<String>, NdjsonStats) {
        let mut framer = NdjsonFramer::new(cap);
        let mut out = Vec::new();
        let mut push = |l: &[u8]| out.push(String::from_utf8_lossy(l).into_owned());
        for read in reads {
            framer.feed(read, &mut push);
            assert!(framer.buffered_bytes() <= cap);
            assert!(framer.reserved_bytes() <= cap);
        }
        framer.finish(&mut push);
        (out, framer.stats())
    }

    #[test]
    fn splits_lines_drops_cr_and_ignores_blank_lines() {
        let (lines, stats) = frame_all(&[b"{\"a\":1}\n\r\n  \n{\"b\":2}\r\n\n{\"c\":3}"], 1024);
        assert_eq!(lines, ["{\"a\":1}", "{\"b\":2}", "{\"c\":3}"]);
        assert_eq!(stats.lines, 3);
    }

    #[test]
    fn any_split_gives_the_same_lines() {
        let stream: &[u8] = "{\"r\":\"h\u{e9}\"}\r\n{\"r\":\"🦀\"}\n\n{\"done\":true}\n".as_bytes();
        let (whole, _) = frame_all(&[stream], 1024);
        assert_eq!(whole.len(), 3);
        for i in 0..=stream.len() {
            for j in i..=stream.len() {
                let (lines, _) = frame_all(&[&stream[..i], &stream[i..j], &stream[j..]], 1024);
                assert_eq!(lines, whole, "splits {i} {j}");
            }
        }
    }

    #[test]
    fn oversized_lines_are_counted_and_skipped() {
        let mut stream = b"{\"a\":1}\n".to_vec();
        stream.extend(vec![b'x'; 3000]);
        stream.extend_from_slice(b"\n{\"b\":2}\n");
        stream.extend(vec![b'y'; 3000]);
        for size in [1, 7, 1000, stream.len()] {
            let reads: Vec<&[u8]> = stream.chunks(size).collect();
            let (lines, stats) = frame_all(&reads, 1024);
            assert_eq!(lines, ["{\"a\":1}", "{\"b\":2}"], "size {size}");
            assert_eq!(stats.oversized_lines, 2);
        }
    }

    #[test]
    fn a_line_of_exactly_the_cap_is_kept() {
        let line = vec![b'z'; 16];
        let mut stream = line.clone();
        stream.push(b'\n');
        for size in [1, 5, 17] {
            let reads: Vec<&[u8]> = stream.chunks(size).collect();
            let (lines, stats) = frame_all(&reads, 16);
            assert_eq!(lines.len(), 1);
            assert_eq!(stats.oversized_lines, 0);
        }
    }

    #[test]
    fn random_bytes_never_exceed_the_cap() {
        let mut rng = Rng::new(9);
        for _ in 0..200 {
            let bytes = rng.bytes_from(b"{}\"a\r\n \n", 3000);
            let parts = random_splits(&bytes, &mut rng, 20);
            let (lines, _) = frame_all(&parts, 256);
            assert!(lines.iter().all(|l| l.len() <= 256 && !l.contains('\n')));
        }
    }
}
