//! `json_pointer` extraction: finds the first JSON object in the answer text (the whole
//! answer, one inside a code fence, or one after prose), fed piece by piece, and reads an
//! RFC 6901 pointer in it with the allocation-free [`crate::decode::json::Reader`] the events are
//! read with.
//!
//! Memory: one candidate object at a time, at most [`MAX_OBJECT_BYTES`]; a larger object
//! is followed to its end without being kept and cannot give the value. Text outside
//! objects is skipped with `memchr`. Braces inside JSON strings do not count.

use crate::decode::json::{JsonError, RawStr, Reader};

/// Largest JSON object kept for reading the pointer, in bytes.
pub const MAX_OBJECT_BYTES: usize = 16 * 1024;
/// Longest value kept, in bytes (label values are cut to 64 bytes later anyway).
const MAX_VALUE_BYTES: usize = 256;

/// The reference tokens of a pointer (`~1` → `/`, `~0` → `~` decoded); `None` if invalid.
pub fn parse_pointer(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    let rest = pointer.strip_prefix('/')?;
    rest.split('/')
        .map(|token| {
            let mut out = String::with_capacity(token.len());
            let mut chars = token.chars();
            while let Some(c) = chars.next() {
                match c {
                    '~' => match chars.next() {
                        Some('0') => out.push('~'),
                        Some('1') => out.push('/'),
                        _ => return None,
                    },
                    c => out.push(c),
                }
            }
            Some(out)
        })
        .collect()
}

/// Where the scanner is in the answer text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// Outside any object: looking for `{`.
    Seeking,
    /// Inside a candidate object.
    Object {
        depth: u32,
        in_string: bool,
        escaped: bool,
    },
    /// The value was found.
    Done,
}

/// Per-stream state of one `json_pointer` extractor.
#[derive(Debug)]
pub struct ObjectScan {
    phase: Phase,
    /// The candidate object so far (at most [`MAX_OBJECT_BYTES`]).
    object: Vec<u8>,
    /// The candidate outgrew the cap: followed to its end, not kept.
    overflowed: bool,
    value: Option<String>,
}

impl Default for ObjectScan {
    fn default() -> Self {
        ObjectScan {
            phase: Phase::Seeking,
            object: Vec::new(),
            overflowed: false,
            value: None,
        }
    }
}

impl ObjectScan {
    /// Feeds the next piece of answer text; `tokens` is the parsed pointer.
    pub fn feed(&mut self, piece: &[u8], tokens: &[String]) {
        let mut rest = piece;
        while !rest.is_empty() {
            match self.phase {
                Phase::Done => return,
                Phase::Seeking => match memchr::memchr(b'{', rest) {
                    None => return,
                    Some(at) => {
                        self.object.clear();
                        self.overflowed = false;
                        self.phase = Phase::Object {
                            depth: 0,
                            in_string: false,
                            escaped: false,
                        };
                        rest = rest.get(at..).unwrap_or_default();
                    }
                },
                Phase::Object { .. } => {
                    let used = self.follow(rest).min(rest.len());
                    let (taken, after) = rest.split_at(used);
                    self.keep(taken);
                    rest = after;
                    if self.phase == Phase::Seeking {
                        if self.overflowed {
                            self.overflowed = false;
                        } else {
                            self.try_object(tokens);
                        }
                    }
                }
            }
        }
    }

    /// Bytes this scan holds on to (its buffer's capacity).
    pub fn retained_bytes(&self) -> usize {
        self.object.capacity()
    }

    /// Whether the value was found (later text cannot change it).
    pub fn is_done(&self) -> bool {
        self.phase == Phase::Done
    }

    /// The end of the answer: the value, if a complete object held it.
    pub fn finish(&mut self) -> Option<String> {
        self.object = Vec::new();
        self.value.take()
    }

    /// Advances the brace/string state over `bytes`; returns how many bytes belong to the
    /// current object: all of them, unless it closed inside `bytes` (the phase is then
    /// `Seeking` again).
    fn follow(&mut self, bytes: &[u8]) -> usize {
        let Phase::Object {
            mut depth,
            mut in_string,
            mut escaped,
        } = self.phase
        else {
            return 0;
        };
        for (i, &b) in bytes.iter().enumerate() {
            if in_string {
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    in_string = false;
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'{' | b'[' => depth = depth.saturating_add(1),
                b'}' | b']' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        self.phase = Phase::Seeking;
                        return i + 1;
                    }
                }
                _ => {}
            }
        }
        self.phase = Phase::Object {
            depth,
            in_string,
            escaped,
        };
        bytes.len()
    }

    /// Appends object bytes; past the cap the candidate is dropped and only followed.
    fn keep(&mut self, bytes: &[u8]) {
        if self.overflowed {
            return;
        }
        let needed = self.object.len() + bytes.len();
        if needed <= MAX_OBJECT_BYTES {
            self.object.reserve_exact(super::extra_capacity(
                self.object.len(),
                self.object.capacity(),
                needed,
                MAX_OBJECT_BYTES,
            ));
            self.object.extend_from_slice(bytes);
        } else {
            self.overflowed = true;
            self.object.clear();
        }
    }

    /// A candidate object closed: read the pointer in it.
    fn try_object(&mut self, tokens: &[String]) {
        let mut value = String::new();
        let object = self.object.as_slice();
        if let Ok(true) = resolve(&mut Reader::new(object), object, tokens, &mut value) {
            if value.len() > MAX_VALUE_BYTES {
                let mut cut = MAX_VALUE_BYTES;
                while !value.is_char_boundary(cut) {
                    cut -= 1;
                }
                value.truncate(cut);
            }
            self.value = Some(value);
            self.phase = Phase::Done;
            self.object = Vec::new();
        } else {
            self.object.clear();
        }
    }
}

/// Follows `tokens` from the value at the reader (over `source`); on a string, number or
/// boolean writes it (strings decoded, numbers as written) to `out` and returns `true`.
/// Consumes the whole value either way.
pub fn resolve(
    r: &mut Reader<'_>,
    source: &[u8],
    tokens: &[String],
    out: &mut String,
) -> Result<bool, JsonError> {
    let Some((first, rest)) = tokens.split_first() else {
        return scalar(r, source, out);
    };
    let mut found = false;
    match r.peek_byte()? {
        b'{' => {
            let mut key_text = String::new();
            r.object(|key, r| {
                if !found && key_matches(key, first, &mut key_text) {
                    found = resolve(r, source, rest, out)?;
                    Ok(())
                } else {
                    r.skip()
                }
            })?;
        }
        b'[' => {
            // RFC 6901 array index: `0` or digits without a leading zero.
            let wanted: Option<usize> = if first == "0" || !first.starts_with('0') {
                first.parse().ok()
            } else {
                None
            };
            let mut index = 0usize;
            r.array(|r| {
                let here = Some(index) == wanted;
                index += 1;
                if here && !found {
                    found = resolve(r, source, rest, out)?;
                    Ok(())
                } else {
                    r.skip()
                }
            })?;
        }
        _ => r.skip()?,
    }
    Ok(found)
}

fn key_matches(key: RawStr<'_>, token: &str, scratch: &mut String) -> bool {
    if !key.0.contains(&b'\\') {
        return key.0 == token.as_bytes();
    }
    scratch.clear();
    key.decode_into(scratch);
    scratch == token
}

fn scalar(r: &mut Reader<'_>, source: &[u8], out: &mut String) -> Result<bool, JsonError> {
    match r.peek_byte()? {
        b'"' => {
            r.string()?.decode_into(out);
            Ok(true)
        }
        b'-' | b'0'..=b'9' | b't' | b'f' => {
            let start = r.offset();
            r.skip()?;
            let end = r.offset();
            let raw = source.get(start..end).unwrap_or_default().trim_ascii();
            out.push_str(std::str::from_utf8(raw).unwrap_or_default());
            Ok(!raw.is_empty())
        }
        _ => r.skip().map(|()| false),
    }
}
