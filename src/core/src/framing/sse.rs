//! Byte-level server-sent-events framer with bounded memory.
//!
//! Follows the WHATWG HTML "Interpreting an event stream" rules
//! (<https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation>):
//! lines end with CRLF, LF or CR; a blank line dispatches the event; lines starting with `:`
//! are comments; one optional space after `field:` is stripped; several `data` lines are
//! joined with `\n`; an event whose data buffer was never written is not dispatched.
//! Unlike a browser, an unterminated last event is still dispatched by [`SseFramer::finish`]
//! (streams cut after their last `data:` line still carry usage and `[DONE]`).
//!
//! Reads are arbitrary slices of the body: a line, an event or a UTF-8 character can be
//! split anywhere. The framer works on bytes, so a split character is simply re-joined in
//! the carried-over line. In the common case (whole events inside one read) the data is
//! handed out as a slice of the read itself, without copying.
//!
//! Memory: the carried-over line plus the data collected for the current event never exceed
//! the cap given to [`SseFramer::new`]. An event that would is, with a [`ReduceSchema`]
//! ([`SseFramer::with_schema`]), read as it streams by a [`JsonReducer`] and dispatched as
//! its skeleton (see [`super::json_reduce`]) at the blank line that ends it; without one, or
//! when even its skeleton exceeds the cap, it is counted in [`FramerStats::oversized_events`]
//! and skipped up to the next blank line (resynchronisation).

use super::json_reduce::{JsonReducer, ReduceError, ReduceSchema};
use memchr::memchr2;

/// Longest `event:` name kept, in bytes (longer names are cut; they are only compared
/// against short known names).
pub const MAX_EVENT_NAME_BYTES: usize = 64;

/// The most bytes [`SseFramer::buffered_bytes`] may hold beyond the cap: the current event's
/// name (at most [`MAX_EVENT_NAME_BYTES`]) and a next `event:` line cut by a read, kept as its
/// prefix and name (at most `event: ` + [`MAX_EVENT_NAME_BYTES`]) until the line ends and
/// replaces the name. The data kept never exceeds the cap.
pub const MAX_BUFFERED_OVER_CAP: usize =
    MAX_EVENT_NAME_BYTES + EVENT_PREFIX_BYTES + MAX_EVENT_NAME_BYTES;

/// One dispatched event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SseEvent<'a> {
    /// Value of the last `event:` field, empty when there was none.
    pub name: &'a [u8],
    /// The joined `data:` values.
    pub data: &'a [u8],
}

/// Counters kept by the framer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FramerStats {
    /// Events dispatched.
    pub events: u64,
    /// Events dropped because they exceeded the cap.
    pub oversized_events: u64,
    /// Comment lines seen.
    pub comments: u64,
}

/// Bytes needed to tell a line's field: `event:` is the longest field name kept.
const CLASSIFY_BYTES: usize = 6;
/// `event:` plus its optional space.
const EVENT_PREFIX_BYTES: usize = 7;

/// What a (possibly partial) line is, from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LineKind {
    /// Too short to say.
    Undecided,
    Data,
    Event,
    /// A comment or a field the framer does not keep (`id`, `retry`, unknown).
    Ignored {
        comment: bool,
    },
}

fn classify(line: &[u8]) -> LineKind {
    if line.first() == Some(&b':') {
        LineKind::Ignored { comment: true }
    } else if line.starts_with(b"data:") {
        LineKind::Data
    } else if line.starts_with(b"event:") {
        LineKind::Event
    } else if b"data:".starts_with(line) || b"event:".starts_with(line) {
        LineKind::Undecided
    } else {
        LineKind::Ignored { comment: false }
    }
}

/// Where the current event's data lives while it is being collected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DataBuffer {
    /// No `data` line yet.
    Empty,
    /// One data line lying entirely inside the current read, `start..end`.
    InRead { start: usize, end: usize },
    /// Copied into `SseFramer::data`.
    Owned,
}

/// What the current line of a streamed (large) event is, as far as read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum StreamLine {
    /// The first bytes of a line (`len` of them in `head`), not yet classified.
    Start {
        head: [u8; CLASSIFY_BYTES],
        len: usize,
    },
    /// After `data:`, before its optional space.
    DataPrefix,
    /// Inside a `data` value: fed to the reducer.
    Data,
    /// After `event:`, before its optional space.
    EventPrefix,
    /// Inside an `event` value.
    Event,
    /// A comment or a field not kept.
    Ignored,
}

const LINE_START: StreamLine = StreamLine::Start {
    head: [0; CLASSIFY_BYTES],
    len: 0,
};

/// The framer's state for one stream.
#[derive(Debug)]
pub struct SseFramer {
    cap: usize,
    /// How to read an event larger than the cap; `None`: skip it.
    schema: Option<&'static ReduceSchema>,
    /// The reducer of the current large event (kept for the next one).
    reducer: Option<Box<JsonReducer>>,
    /// The current event is larger than the cap and streams through `reducer`.
    streaming: bool,
    stream_line: StreamLine,
    /// A `data` line of the streamed event was fed (the next one is joined with `\n`).
    stream_data_seen: bool,
    /// The unterminated line carried over from the previous read.
    line: Vec<u8>,
    /// The carried-over line was longer than the cap and has been dropped (it is not blank).
    line_dropped: bool,
    /// The previous read ended with `\r`: a `\n` at the start of the next read belongs to it.
    after_cr: bool,
    data: Vec<u8>,
    data_state: DataBuffer,
    name: Vec<u8>,
    /// Skipping an oversized event until the next blank line.
    skipping: bool,
    stats: FramerStats,
}

impl SseFramer {
    /// A framer whose per-event memory is bounded by `cap` bytes.
    pub fn new(cap: usize) -> Self {
        SseFramer {
            cap,
            schema: None,
            reducer: None,
            streaming: false,
            stream_line: LINE_START,
            stream_data_seen: false,
            line: Vec::new(),
            line_dropped: false,
            after_cr: false,
            data: Vec::new(),
            data_state: DataBuffer::Empty,
            name: Vec::new(),
            skipping: false,
            stats: FramerStats::default(),
        }
    }

    /// A framer that reads events larger than `cap` with `schema` instead of skipping them.
    pub fn with_schema(cap: usize, schema: &'static ReduceSchema) -> Self {
        SseFramer {
            schema: Some(schema),
            ..SseFramer::new(cap)
        }
    }

    pub fn stats(&self) -> FramerStats {
        self.stats
    }

    /// Bytes currently held for the stream (carried line + collected data + name).
    pub fn buffered_bytes(&self) -> usize {
        self.line.len() + self.data.len() + self.name.len()
    }

    /// Bytes of memory the buffers have reserved.
    pub fn reserved_bytes(&self) -> usize {
        self.line.capacity()
            + self.data.capacity()
            + self.name.capacity()
            + self.reducer.as_ref().map_or(0, |r| r.reserved_bytes())
    }

    /// Feeds one read of the body; calls `on_event` for every event it completes.
    pub fn feed<F: FnMut(SseEvent<'_>)>(&mut self, read: &[u8], on_event: &mut F) {
        self.feed_with_text(read, on_event, &mut |_| {});
    }

    /// [`Self::feed`], handing each piece of visible text of a large event to `on_text` as
    /// it streams (raw JSON string contents).
    pub fn feed_with_text<F: FnMut(SseEvent<'_>)>(
        &mut self,
        read: &[u8],
        on_event: &mut F,
        on_text: &mut dyn FnMut(&[u8]),
    ) {
        if read.is_empty() {
            return;
        }
        let mut pos = 0;
        if self.after_cr {
            self.after_cr = false;
            if read.first() == Some(&b'\n') {
                pos = 1;
            }
        }
        while let Some(rest) = read.get(pos..) {
            if rest.is_empty() {
                break;
            }
            let Some(offset) = memchr2(b'\n', b'\r', rest) else {
                if self.streaming {
                    self.stream_bytes(rest, on_text);
                } else {
                    self.carry(rest, read, on_text);
                }
                break;
            };
            let end = pos + offset;
            let next = match read.get(end) {
                Some(b'\r') => match read.get(end + 1) {
                    Some(b'\n') => end + 2,
                    Some(_) => end + 1,
                    None => {
                        self.after_cr = true;
                        end + 1
                    }
                },
                _ => end + 1,
            };
            if self.streaming {
                self.stream_bytes(read.get(pos..end).unwrap_or_default(), on_text);
                self.stream_line_end(on_event);
            } else if self.line.is_empty() && !self.line_dropped {
                self.on_line(read, pos, end, on_event, on_text);
            } else {
                self.carry(read.get(pos..end).unwrap_or_default(), read, on_text);
                if self.streaming {
                    self.stream_line_end(on_event);
                } else {
                    self.on_carried_line(read, on_event, on_text);
                }
            }
            pos = next;
        }
        // Data still pointing into this read must survive it.
        if let DataBuffer::InRead { start, end } = self.data_state {
            self.data.clear();
            self.data
                .extend_from_slice(read.get(start..end).unwrap_or_default());
            self.data_state = DataBuffer::Owned;
        }
    }

    /// Ends the stream: a last line without terminator is taken as a line, and an event
    /// still being collected is dispatched.
    pub fn finish<F: FnMut(SseEvent<'_>)>(&mut self, on_event: &mut F) {
        self.finish_with_text(on_event, &mut |_| {});
    }

    /// [`Self::finish`], handing visible text of a large last event to `on_text`.
    pub fn finish_with_text<F: FnMut(SseEvent<'_>)>(
        &mut self,
        on_event: &mut F,
        on_text: &mut dyn FnMut(&[u8]),
    ) {
        self.after_cr = false;
        if self.streaming {
            if self.stream_line != LINE_START {
                self.stream_line_end(on_event);
            }
            if self.streaming {
                self.dispatch_streamed(on_event);
            }
            return;
        }
        if !self.line.is_empty() || self.line_dropped {
            self.on_carried_line(&[], on_event, on_text);
        }
        if self.streaming {
            self.dispatch_streamed(on_event);
        } else {
            self.dispatch(&[], on_event);
        }
    }

    /// Keeps the part of a line that continues in the next read, storing only what the
    /// line can contribute: a `data` value (bounded exactly as [`Self::push_data`] bounds
    /// it, so the cut point never changes the outcome) or an `event` name (truncated);
    /// comments and other fields are remembered only as "a non-blank line".
    fn carry(&mut self, bytes: &[u8], read: &[u8], on_text: &mut dyn FnMut(&[u8])) {
        if self.line_dropped || bytes.is_empty() {
            return;
        }
        if self.skipping {
            // Inside an oversized event only blank-or-not matters.
            self.line_dropped = true;
            self.line.clear();
            return;
        }
        // Enough of the line to know its field.
        let head = CLASSIFY_BYTES
            .saturating_sub(self.line.len())
            .min(bytes.len());
        let (first, rest) = bytes.split_at(head);
        self.line.extend_from_slice(first);
        match classify(&self.line) {
            LineKind::Undecided => {}
            LineKind::Ignored { comment } => {
                self.stats.comments += u64::from(comment);
                self.line.clear();
                self.line_dropped = true;
            }
            LineKind::Event => {
                let room =
                    (EVENT_PREFIX_BYTES + MAX_EVENT_NAME_BYTES).saturating_sub(self.line.len());
                self.line
                    .extend_from_slice(rest.get(..room.min(rest.len())).unwrap_or_default());
            }
            LineKind::Data => {
                let prefix = if self.line.get(5) == Some(&b' ') {
                    6
                } else {
                    5
                };
                let value = (self.line.len() + rest.len()).saturating_sub(prefix);
                let separator = usize::from(self.data_state != DataBuffer::Empty);
                if self.collected_len() + separator + value > self.cap {
                    if self.schema.is_some() {
                        let line = std::mem::take(&mut self.line);
                        self.start_streaming(read, on_text);
                        self.stream_value(line.get(prefix..).unwrap_or_default(), on_text);
                        self.feed_reducer(rest, on_text);
                        // `line` (up to the cap) is dropped: the event streams from here.
                        self.stream_line = StreamLine::Data;
                        return;
                    }
                    self.start_skipping();
                    self.line.clear();
                    self.line_dropped = true;
                } else {
                    let len = self.line.len() + rest.len();
                    if len > self.line.capacity() {
                        // Grow geometrically, but never reserve past the cap (plus the
                        // `data: ` prefix the line still holds).
                        let target = len
                            .max(self.line.capacity() * 2)
                            .min(self.cap + EVENT_PREFIX_BYTES);
                        self.line.reserve_exact(target.max(len) - self.line.len());
                    }
                    self.line.extend_from_slice(rest);
                }
            }
        }
    }

    fn on_carried_line<F: FnMut(SseEvent<'_>)>(
        &mut self,
        read: &[u8],
        on_event: &mut F,
        on_text: &mut dyn FnMut(&[u8]),
    ) {
        let dropped = std::mem::replace(&mut self.line_dropped, false);
        if dropped {
            self.line.clear();
            return; // a non-blank line of an oversized event
        }
        let line = std::mem::take(&mut self.line);
        let mut owned = LineSource::Carried(&line);
        self.process_line(&mut owned, read, on_event, on_text);
        self.line = line;
        self.line.clear();
    }

    fn on_line<F: FnMut(SseEvent<'_>)>(
        &mut self,
        read: &[u8],
        start: usize,
        end: usize,
        on_event: &mut F,
        on_text: &mut dyn FnMut(&[u8]),
    ) {
        let mut source = LineSource::InRead { start, end };
        self.process_line(&mut source, read, on_event, on_text);
    }

    fn process_line<F: FnMut(SseEvent<'_>)>(
        &mut self,
        source: &mut LineSource<'_>,
        read: &[u8],
        on_event: &mut F,
        on_text: &mut dyn FnMut(&[u8]),
    ) {
        let line = source.bytes(read);
        if line.is_empty() {
            if self.skipping {
                self.skipping = false;
                self.reset_event();
            } else {
                self.dispatch(read, on_event);
            }
            return;
        }
        if self.skipping {
            return;
        }
        if line.first() == Some(&b':') {
            self.stats.comments += 1;
            return;
        }
        let (field, value_offset) = match memchr::memchr(b':', line) {
            Some(colon) => {
                let value_start = if line.get(colon + 1) == Some(&b' ') {
                    colon + 2
                } else {
                    colon + 1
                };
                (line.get(..colon).unwrap_or_default(), value_start)
            }
            None => (line, line.len()),
        };
        let value = line.get(value_offset..).unwrap_or_default();
        match field {
            b"data" => {
                let in_read = match source {
                    LineSource::InRead { start, end } => Some((*start + value_offset, *end)),
                    LineSource::Carried(_) => None,
                };
                self.push_data(value, in_read, read, on_text);
            }
            b"event" => {
                self.name.clear();
                let keep = value.len().min(MAX_EVENT_NAME_BYTES);
                self.name
                    .extend_from_slice(value.get(..keep).unwrap_or_default());
            }
            _ => {} // `id`, `retry` and unknown fields carry nothing we measure
        }
    }

    fn collected_len(&self) -> usize {
        match self.data_state {
            DataBuffer::Empty => 0,
            DataBuffer::InRead { start, end } => end - start,
            DataBuffer::Owned => self.data.len(),
        }
    }

    fn push_data(
        &mut self,
        value: &[u8],
        in_read: Option<(usize, usize)>,
        read: &[u8],
        on_text: &mut dyn FnMut(&[u8]),
    ) {
        let separator = usize::from(self.data_state != DataBuffer::Empty);
        if self.collected_len() + separator + value.len() > self.cap {
            if self.schema.is_some() {
                self.start_streaming(read, on_text);
                self.stream_value(value, on_text);
                self.stream_line = LINE_START;
                return;
            }
            self.start_skipping();
            return;
        }
        match (self.data_state, in_read) {
            (DataBuffer::Empty, Some((start, end))) => {
                self.data_state = DataBuffer::InRead { start, end };
            }
            (DataBuffer::Empty, None) => {
                self.data.clear();
                self.data.extend_from_slice(value);
                self.data_state = DataBuffer::Owned;
            }
            (DataBuffer::InRead { start, end }, _) => {
                self.data.clear();
                self.data
                    .extend_from_slice(read.get(start..end).unwrap_or_default());
                self.data.push(b'\n');
                self.data.extend_from_slice(value);
                self.data_state = DataBuffer::Owned;
            }
            (DataBuffer::Owned, _) => {
                self.data.push(b'\n');
                self.data.extend_from_slice(value);
            }
        }
    }

    fn dispatch<F: FnMut(SseEvent<'_>)>(&mut self, read: &[u8], on_event: &mut F) {
        let data = match self.data_state {
            DataBuffer::Empty => {
                self.name.clear();
                return;
            }
            DataBuffer::InRead { start, end } => read.get(start..end).unwrap_or_default(),
            DataBuffer::Owned => self.data.as_slice(),
        };
        self.stats.events += 1;
        on_event(SseEvent {
            name: &self.name,
            data,
        });
        self.reset_event();
    }

    /// The current event outgrew the cap: its data collected so far goes to the reducer,
    /// and so will the rest of it.
    fn start_streaming(&mut self, read: &[u8], on_text: &mut dyn FnMut(&[u8])) {
        let Some(schema) = self.schema else { return };
        let reducer = self
            .reducer
            .get_or_insert_with(|| Box::new(JsonReducer::new(schema, self.cap)));
        reducer.reset(&self.name);
        let collected = match self.data_state {
            DataBuffer::Empty => &[][..],
            DataBuffer::InRead { start, end } => read.get(start..end).unwrap_or_default(),
            DataBuffer::Owned => self.data.as_slice(),
        };
        reducer.feed(collected, on_text);
        self.stream_data_seen = self.data_state != DataBuffer::Empty;
        self.data_state = DataBuffer::Empty;
        // The collected data is not needed any more: give its memory back.
        self.data = Vec::new();
        self.streaming = true;
        self.stream_line = LINE_START;
    }

    fn feed_reducer(&mut self, bytes: &[u8], on_text: &mut dyn FnMut(&[u8])) {
        if let Some(reducer) = self.reducer.as_mut() {
            reducer.feed(bytes, on_text);
        }
    }

    /// The start of a `data` value of the streamed event (joined to the previous by `\n`).
    fn stream_value(&mut self, value: &[u8], on_text: &mut dyn FnMut(&[u8])) {
        if std::mem::replace(&mut self.stream_data_seen, true) {
            self.feed_reducer(b"\n", on_text);
        }
        self.feed_reducer(value, on_text);
    }

    /// Bytes of a line of the streamed event (no line ending inside).
    fn stream_bytes(&mut self, mut bytes: &[u8], on_text: &mut dyn FnMut(&[u8])) {
        while !bytes.is_empty() {
            match self.stream_line {
                StreamLine::Start { mut head, len } => {
                    let n = (CLASSIFY_BYTES - len).min(bytes.len());
                    let (first, rest) = bytes.split_at(n);
                    if let Some(slot) = head.get_mut(len..len + n) {
                        slot.copy_from_slice(first);
                    }
                    bytes = rest;
                    let seen = head.get(..len + n).unwrap_or_default();
                    self.stream_line = match classify(seen) {
                        LineKind::Undecided => StreamLine::Start { head, len: len + n },
                        LineKind::Ignored { comment } => {
                            self.stats.comments += u64::from(comment);
                            StreamLine::Ignored
                        }
                        LineKind::Data => {
                            // `data:` is 5 bytes: what followed it in `head` is value.
                            let after = seen.get(5..).unwrap_or_default();
                            let after = after.strip_prefix(b" ").unwrap_or(after);
                            if seen.len() == 5 {
                                StreamLine::DataPrefix
                            } else {
                                self.stream_value(after, on_text);
                                StreamLine::Data
                            }
                        }
                        LineKind::Event => {
                            self.name.clear();
                            StreamLine::EventPrefix
                        }
                    };
                }
                StreamLine::DataPrefix => {
                    let value = bytes.strip_prefix(b" ").unwrap_or(bytes);
                    self.stream_value(value, on_text);
                    self.stream_line = StreamLine::Data;
                    return;
                }
                StreamLine::Data => {
                    self.feed_reducer(bytes, on_text);
                    return;
                }
                StreamLine::EventPrefix => {
                    bytes = bytes.strip_prefix(b" ").unwrap_or(bytes);
                    self.stream_line = StreamLine::Event;
                }
                StreamLine::Event => {
                    let room = MAX_EVENT_NAME_BYTES.saturating_sub(self.name.len());
                    self.name
                        .extend_from_slice(bytes.get(..room.min(bytes.len())).unwrap_or_default());
                    return;
                }
                StreamLine::Ignored => return,
            }
        }
    }

    /// A line of the streamed event ended; a blank line dispatches it.
    fn stream_line_end<F: FnMut(SseEvent<'_>)>(&mut self, on_event: &mut F) {
        let line = std::mem::replace(&mut self.stream_line, LINE_START);
        match line {
            StreamLine::Start { len: 0, .. } => self.dispatch_streamed(on_event),
            StreamLine::Start { head, len } => {
                // A field name alone: `data` is an empty value, `event` an empty name.
                match head.get(..len).unwrap_or_default() {
                    b"data" => self.stream_value(&[], &mut |_| {}),
                    b"event" => self.name.clear(),
                    _ => {}
                }
            }
            StreamLine::DataPrefix => self.stream_value(&[], &mut |_| {}),
            _ => {}
        }
    }

    /// Dispatches the streamed event's skeleton (or counts it as oversized).
    fn dispatch_streamed<F: FnMut(SseEvent<'_>)>(&mut self, on_event: &mut F) {
        self.streaming = false;
        self.stream_line = LINE_START;
        self.stream_data_seen = false;
        if let Some(reducer) = self.reducer.as_mut() {
            match reducer.finish() {
                Ok(skeleton) => {
                    self.stats.events += 1;
                    on_event(SseEvent {
                        name: &self.name,
                        data: skeleton,
                    });
                }
                Err(ReduceError::TooLarge) => self.stats.oversized_events += 1,
                Err(ReduceError::Syntax) => {
                    // Not a JSON document: a truncated one every decoder reports as malformed.
                    self.stats.events += 1;
                    on_event(SseEvent {
                        name: &self.name,
                        data: b"{",
                    });
                }
            }
        }
        self.reset_event();
    }

    fn start_skipping(&mut self) {
        if !self.skipping {
            self.skipping = true;
            self.stats.oversized_events += 1;
        }
        self.reset_event();
    }

    fn reset_event(&mut self) {
        self.data.clear();
        self.data_state = DataBuffer::Empty;
        self.name.clear();
    }
}

/// A complete line: inside the current read, or re-joined from a carried-over part.
enum LineSource<'a> {
    InRead { start: usize, end: usize },
    Carried(&'a [u8]),
}

impl<'a> LineSource<'a> {
    fn bytes<'r>(&self, read: &'r [u8]) -> &'r [u8]
    where
        'a: 'r,
    {
        match self {
            LineSource::InRead { start, end } => read.get(*start..*end).unwrap_or_default(),
            LineSource::Carried(bytes) => bytes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{random_splits, Rng};
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn frame_all(reads: &[&[u8]], cap: usize) -> (Vec<(String, String)>, FramerStats) {
        let mut framer = SseFramer::new(cap);
        let mut out = Vec::new();
        let mut push = |e: SseEvent<'_>| {
            out.push((
                String::from_utf8_lossy(e.name).into_owned(),
                String::from_utf8_lossy(e.data).into_owned(),
            ))
        };
        for read in reads {
            framer.feed(read, &mut push);
            assert!(framer.buffered_bytes() <= cap + MAX_BUFFERED_OVER_CAP);
        }
        framer.finish(&mut push);
        (out, framer.stats())
    }

    fn ev(name: &str, data: &str) -> (String, String) {
        (name.to_owned(), data.to_owned())
    }

    #[test]
    fn splits_on_blank_lines_with_any_line_ending() {
        let (events, _) = frame_all(&[b"data: a\n\ndata: b\r\n\r\ndata: c\r\rdata:d\n\n"], 1024);
        assert_eq!(
            events,
            vec![ev("", "a"), ev("", "b"), ev("", "c"), ev("", "d")]
        );
    }

    #[test]
    fn joins_multi_line_data_and_keeps_event_names() {
        let (events, _) = frame_all(
            &[b"event: delta\ndata: one\ndata:two\nid: 7\nretry: 10\n\n"],
            1024,
        );
        assert_eq!(events, vec![ev("delta", "one\ntwo")]);
    }

    #[test]
    fn ignores_comments_and_events_without_data() {
        let (events, stats) = frame_all(&[b": keep-alive\n\nevent: ping\n\n:x\ndata: y\n\n"], 1024);
        assert_eq!(events, vec![ev("", "y")]);
        assert_eq!(stats.comments, 2);
    }

    #[test]
    fn strips_only_one_space_and_accepts_empty_data() {
        let (events, _) = frame_all(&[b"data:  two\n\ndata\n\ndata:\n\n"], 1024);
        assert_eq!(events, vec![ev("", " two"), ev("", ""), ev("", "")]);
    }

    #[test]
    fn crlf_split_between_reads_is_one_line_end() {
        let (events, _) = frame_all(&[b"data: a\r", b"\n\r", b"\ndata: b\r\n", b"\r\n"], 1024);
        assert_eq!(events, vec![ev("", "a"), ev("", "b")]);
    }

    #[test]
    fn utf8_character_split_across_reads_is_rejoined() {
        let text = "data: {\"c\":\"héllo 🦀\"}\n\n".as_bytes();
        for split in 0..text.len() {
            let (a, b) = text.split_at(split);
            let (events, _) = frame_all(&[a, b], 1024);
            assert_eq!(
                events,
                vec![ev("", "{\"c\":\"héllo 🦀\"}")],
                "split at {split}"
            );
        }
    }

    #[test]
    fn unterminated_final_event_is_dispatched_at_finish() {
        let (events, _) = frame_all(&[b"data: a\n\ndata: [DONE]"], 1024);
        assert_eq!(events, vec![ev("", "a"), ev("", "[DONE]")]);
        let (events, _) = frame_all(&[b"data: a\n"], 1024);
        assert_eq!(events, vec![ev("", "a")]);
    }

    #[test]
    fn oversized_event_is_counted_skipped_and_the_stream_resynchronises() {
        let big = vec![b'x'; 5000];
        let mut stream = b"data: first\n\ndata: ".to_vec();
        stream.extend_from_slice(&big);
        stream.extend_from_slice(b"\ndata: more\n\ndata: after\n\n");
        for reads in [
            vec![stream.as_slice()],
            stream.chunks(7).collect::<Vec<_>>(),
        ] {
            let (events, stats) = frame_all(&reads, 1024);
            assert_eq!(events, vec![ev("", "first"), ev("", "after")]);
            assert_eq!(stats.oversized_events, 1);
        }
    }

    #[test]
    fn many_data_lines_cannot_exceed_the_cap() {
        let mut stream = Vec::new();
        for _ in 0..1000 {
            stream.extend_from_slice(b"data: 0123456789\n");
        }
        stream.extend_from_slice(b"\ndata: ok\n\n");
        for size in [1, 13, 4096] {
            let reads: Vec<&[u8]> = stream.chunks(size).collect();
            let (events, stats) = frame_all(&reads, 1024);
            assert_eq!(events, vec![ev("", "ok")]);
            assert_eq!(stats.oversized_events, 1);
        }
    }

    #[test]
    fn any_split_gives_the_same_events_as_one_read() {
        let stream: &[u8] =
            b": c\r\nevent: a\r\ndata: {\"x\":1}\r\ndata: 2\r\n\r\ndata:3\n\n\rdata: 4\r\rdata: [DONE]\n\n";
        let (whole, _) = frame_all(&[stream], 1024);
        assert_eq!(whole.len(), 4);
        for i in 0..stream.len() {
            for j in i..stream.len() {
                let (events, _) = frame_all(&[&stream[..i], &stream[i..j], &stream[j..]], 1024);
                assert_eq!(events, whole, "splits {i} {j}");
            }
        }
    }

    #[test]
    fn random_bytes_never_exceed_the_cap() {
        let mut rng = Rng::new(7);
        for _ in 0..200 {
            let bytes = rng.bytes_from(b"data: \r\n:x{}\"", 4000);
            let splits = random_splits(&bytes, &mut rng, 20);
            let mut framer = SseFramer::new(1024);
            for part in splits {
                framer.feed(part, &mut |_| {});
                assert!(framer.buffered_bytes() <= 1024 + MAX_BUFFERED_OVER_CAP);
            }
            framer.finish(&mut |_| {});
        }
    }
}

#[cfg(test)]
mod cut_point_tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    type Framed = (Vec<(Vec<u8>, Vec<u8>)>, u64);

    fn frame(parts: &[&[u8]], cap: usize) -> Framed {
        let mut framer = SseFramer::new(cap);
        let mut events = Vec::new();
        let mut push = |e: SseEvent<'_>| events.push((e.name.to_vec(), e.data.to_vec()));
        for part in parts {
            framer.feed(part, &mut push);
        }
        framer.finish(&mut push);
        (events, framer.stats().comments)
    }

    /// Found by `cargo fuzz` (target sse_framer): a data line near the cap was oversized when
    /// carried across reads (its `data: ` prefix counted) but fit in one read.
    #[test]
    fn events_near_the_cap_do_not_depend_on_the_cut_point() {
        for size in [1000usize, 1017, 1018, 1019, 1024, 1025] {
            let mut stream = b"event: e\ndata: ".to_vec();
            stream.extend(std::iter::repeat_n(b'x', size));
            stream.extend_from_slice(
                b"\n: a long comment that is never stored\nid: 7\n\ndata: next\n\n",
            );
            let whole = frame(&[&stream], 1024);
            for cut in 0..stream.len() {
                let (a, b) = stream.split_at(cut);
                assert_eq!(frame(&[a, b], 1024), whole, "size {size} cut {cut}");
            }
        }
    }
}

#[cfg(test)]
mod large_event_tests {
    use super::*;
    use crate::framing::json_reduce::{EventStreamPayload, TextKind, TextRule, When};
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    static SCHEMA: ReduceSchema = ReduceSchema {
        keep: &["type", "delta", "usage"],
        text: &[TextRule {
            path: "delta",
            kind: TextKind::Visible,
            when: When::Type(&["text"]),
        }],
        event_stream_payload: EventStreamPayload::Json,
    };

    type Framed = (Vec<(Vec<u8>, Vec<u8>)>, Vec<u8>, FramerStats);

    fn frame(parts: &[&[u8]], cap: usize) -> Framed {
        let mut framer = SseFramer::with_schema(cap, &SCHEMA);
        let mut events = Vec::new();
        let mut text = Vec::new();
        let mut push = |e: SseEvent<'_>| events.push((e.name.to_vec(), e.data.to_vec()));
        for part in parts {
            framer.feed_with_text(part, &mut push, &mut |t| text.extend_from_slice(t));
            assert!(framer.buffered_bytes() <= cap + MAX_BUFFERED_OVER_CAP);
        }
        framer.finish_with_text(&mut push, &mut |t| text.extend_from_slice(t));
        (events, text, framer.stats())
    }

    /// The events a framer with room for everything gives, each large one reduced whole.
    fn expected(stream: &[u8], cap: usize) -> Framed {
        let mut events = Vec::new();
        let mut text = Vec::new();
        let mut framer = SseFramer::new(1 << 20);
        let mut push = |e: SseEvent<'_>| {
            if e.data.len() <= cap {
                events.push((e.name.to_vec(), e.data.to_vec()));
                return;
            }
            let mut reducer = JsonReducer::new(&SCHEMA, cap);
            reducer.reset(e.name);
            reducer.feed(e.data, &mut |t| text.extend_from_slice(t));
            events.push((e.name.to_vec(), reducer.finish().unwrap().to_vec()));
        };
        framer.feed(stream, &mut push);
        framer.finish(&mut push);
        let stats = framer.stats();
        (events, text, stats)
    }

    #[test]
    fn a_large_event_gives_the_same_skeleton_and_text_at_every_cut() {
        let stream: &[u8] = b": hi\r\nevent: big\r\ndata: {\"type\":\"text\",\"pad\":[1,2,{\"x\":\"}\"}],\r\ndata: \"delta\":\"h\\u00e9\xc3\xa9 \\ud83e\\udd80 long long long long long text\",\r\nid: 1\r\ndata: \"usage\":{\"n\":3}}\r\n\r\ndata: {\"type\":\"text\",\"delta\":\"small\"}\n\ndata: {\"type\":\"other\",\"delta\":\"not text, kept as a short string\",\"pad\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}\r\rdata: {\"delta\":\"cut";
        let cap = 64;
        let (want_events, want_text, _) = expected(stream, cap);
        assert_eq!(want_events.len(), 4);
        assert_eq!(
            want_events[0],
            (
                b"big".to_vec(),
                b"{\"type\":\"text\",\"delta\":\"\x00V35\",\"usage\":{\"n\":3}}".to_vec()
            )
        );
        for i in 0..stream.len() {
            for j in (i..stream.len()).step_by(7) {
                let (events, text, stats) =
                    frame(&[&stream[..i], &stream[i..j], &stream[j..]], cap);
                assert_eq!(events, want_events, "cuts {i} {j}");
                assert_eq!(text, want_text, "cuts {i} {j}");
                assert_eq!((stats.oversized_events, stats.comments), (0, 1));
            }
        }
        let bytewise: Vec<&[u8]> = stream.chunks(1).collect();
        assert_eq!(frame(&bytewise, cap).0, want_events);
    }
}
