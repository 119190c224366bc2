//! A resumable JSON reader for events larger than `max_event_bytes`.
//!
//! An event that outgrows the framer's cap (a Responses `response.completed` repeating the
//! whole answer, an Ollama `/api/generate` last line with its `context`, a Gemini chunk with
//! grounding metadata, a non-streaming body with `logprobs`…) is not kept: its bytes are fed
//! to a [`JsonReducer`] as they arrive, which writes a *skeleton* of the event — the same
//! JSON with only the members the format's decoder reads — into a buffer bounded by the cap.
//! The skeleton is then decoded like any event, at the read that completes the event.
//!
//! What the skeleton keeps is declared per format by a [`ReduceSchema`]:
//! - members whose key path matches a [`ReduceSchema::keep`] pattern (and their ancestors'
//!   structure); every other member is skipped byte by byte without being stored;
//! - strings at a [`TextRule`] path (visible answer text, reasoning text) are not stored:
//!   visible text is handed out in pieces as it streams (cut between escapes and UTF-8
//!   characters, at most [`TEXT_PIECE_BYTES`] each), and the skeleton holds a placeholder
//!   string — byte 0, the kind (`V` visible, `R` reasoning) and the decimal character count —
//!   that `decode`'s `Builder` recognises ([`placeholder`]);
//! - other kept strings up to [`MAX_SCALAR_BYTES`] (longer ones are cut: decoders compare
//!   them with short names or test them for presence); numbers and literals verbatim.
//!
//! Memory: the skeleton never exceeds the cap, the path is a fixed stack of
//! [`MAX_DEPTH`] frames with [`KEY_BYTES`]-byte key slots, and text passes through one
//! [`TEXT_PIECE_BYTES`] buffer. The reducer validates only the structure it needs (brackets,
//! strings); the decoder reading the skeleton rejects the rest. Paths are the object keys
//! from the root, dot-separated; array indices are transparent (`choices.delta.content`
//! matches `choices[0].delta.content`), `*` matches any one key.

/// Deepest nesting of kept containers (skipped subtrees may nest deeper).
pub const MAX_DEPTH: usize = 24;
/// Longest key compared against the schema; longer keys are never kept.
pub const KEY_BYTES: usize = 40;
/// Longest kept string that is not text (finish reasons, types, models, ids), in bytes.
pub const MAX_SCALAR_BYTES: usize = 256;
/// Largest piece of visible text handed out at once, in bytes.
pub const TEXT_PIECE_BYTES: usize = 4096;
/// First byte of a placeholder string (a raw JSON string can never hold byte 0).
pub const PLACEHOLDER_MARK: u8 = 0;

/// What a text string is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    /// Visible answer text: streamed to the text consumers, counted.
    Visible,
    /// Reasoning / thinking text: counted only.
    Reasoning,
}

/// When a [`TextRule`] applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    Always,
    /// The enclosing object's `type` member, read before the text (at the top level, else
    /// the SSE event name), is one of these.
    Type(&'static [&'static str]),
    /// The top-level object has had no member with this key before the text.
    NoEarlierTopKey(&'static str),
}

/// A string path holding text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextRule {
    pub path: &'static str,
    pub kind: TextKind,
    pub when: When,
}

/// What a format's decoder reads, for reducing its large events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReduceSchema {
    /// Key paths kept in the skeleton, with everything under them.
    pub keep: &'static [&'static str],
    /// Strings read as text (their paths must also be kept).
    pub text: &'static [TextRule],
    /// How an AWS event-stream frame's payload holds the document (Bedrock).
    pub event_stream_payload: EventStreamPayload,
}

/// How the payload of an AWS event-stream frame holds the JSON document a schema reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventStreamPayload {
    /// The payload is the document (`ConverseStream` events).
    Json,
    /// The payload is `{"bytes":"<base64 of the document>"}` (`InvokeModelWithResponseStream`
    /// `chunk` events, a `PayloadPart`).
    Base64Bytes,
}

/// Why a large event could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReduceError {
    /// The kept part alone exceeds the cap, or kept containers nest deeper than
    /// [`MAX_DEPTH`]: the event is oversized.
    TooLarge,
    /// Not the JSON document the format expects (mismatched brackets, bad bytes).
    Syntax,
}

/// A decoded placeholder: the kind of text and its length in Unicode scalar values.
pub fn placeholder(raw: &[u8]) -> Option<(TextKind, usize)> {
    let (&mark, rest) = raw.split_first()?;
    if mark != PLACEHOLDER_MARK {
        return None;
    }
    let (&kind, digits) = rest.split_first()?;
    let kind = match kind {
        b'V' => TextKind::Visible,
        b'R' => TextKind::Reasoning,
        _ => return None,
    };
    let mut chars = 0usize;
    for &d in digits {
        chars = chars
            .checked_mul(10)?
            .checked_add(usize::from(d.checked_sub(b'0').filter(|d| *d < 10)?))?;
    }
    Some((kind, chars))
}

/// One kept container.
#[derive(Clone, Copy, Debug)]
struct Frame {
    object: bool,
    /// No member/element written yet (no comma needed).
    first: bool,
    /// The current member's key (objects).
    key: [u8; KEY_BYTES],
    key_len: u8,
    key_long: bool,
    /// The value of this object's `type` member, if read (cut to [`KEY_BYTES`]).
    type_value: [u8; KEY_BYTES],
    type_len: u8,
}

impl Frame {
    const EMPTY: Frame = Frame {
        object: false,
        first: true,
        key: [0; KEY_BYTES],
        key_len: 0,
        key_long: false,
        type_value: [0; KEY_BYTES],
        type_len: 0,
    };

    fn key(&self) -> &[u8] {
        self.key
            .get(..usize::from(self.key_len))
            .unwrap_or_default()
    }
}

/// Where the bytes of a string go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum StrSink {
    /// A member key (into the innermost frame).
    Key,
    /// A kept string value; `type_capture` copies it into the frame's `type_value`.
    Keep { written: usize, type_capture: bool },
    /// A text string.
    Text(TextKind),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Expecting a value (kept).
    Value,
    /// After `[`: a value or `]`.
    ValueOrClose,
    /// After `{`: a key or `}`.
    KeyOrClose,
    /// After `,` in an object: a key.
    Key,
    /// After a key: `:`.
    Colon,
    /// After a value: `,` or a closer.
    After,
    /// Inside a string.
    Str(StrSink),
    /// Inside a kept number or literal.
    Scalar,
    /// Skipping one value: `depth` open containers, inside a string or not.
    Skip {
        started: bool,
        depth: u32,
        in_string: bool,
        escaped: bool,
    },
    /// The document ended.
    Done,
    Failed(ReduceError),
}

/// A resumable reducer of one large event (see the module docs).
#[derive(Debug)]
pub struct JsonReducer {
    schema: &'static ReduceSchema,
    cap: usize,
    out: Vec<u8>,
    frames: [Frame; MAX_DEPTH],
    depth: usize,
    state: State,
    /// A pending escape sequence of the current string (`\uD83D\uDE00` is 12 bytes).
    esc: [u8; 12],
    esc_len: usize,
    /// Visible or reasoning text not handed out yet.
    text: Vec<u8>,
    text_chars: usize,
    /// The SSE event name (the `type` of a top-level object until its member is read).
    event_name: [u8; KEY_BYTES],
    event_name_len: usize,
    /// Top-level keys named by [`When::NoEarlierTopKey`] rules seen so far (bit per rule).
    top_keys_seen: u64,
}

impl JsonReducer {
    /// A reducer writing a skeleton of at most `cap` bytes.
    pub fn new(schema: &'static ReduceSchema, cap: usize) -> Self {
        JsonReducer {
            schema,
            cap,
            out: Vec::new(),
            frames: [Frame::EMPTY; MAX_DEPTH],
            depth: 0,
            state: State::Value,
            esc: [0; 12],
            esc_len: 0,
            text: Vec::new(),
            text_chars: 0,
            event_name: [0; KEY_BYTES],
            event_name_len: 0,
            top_keys_seen: 0,
        }
    }

    /// Starts a new event (named `event_name`, empty when none), keeping the buffers.
    pub fn reset(&mut self, event_name: &[u8]) {
        self.out.clear();
        self.depth = 0;
        self.state = State::Value;
        self.esc_len = 0;
        self.text.clear();
        self.text_chars = 0;
        let n = event_name.len().min(KEY_BYTES);
        self.event_name[..n].copy_from_slice(event_name.get(..n).unwrap_or_default());
        self.event_name_len = n;
        self.top_keys_seen = 0;
    }

    /// Bytes of memory the reducer's buffers have reserved.
    pub fn reserved_bytes(&self) -> usize {
        self.out.capacity() + self.text.capacity()
    }

    /// The skeleton, once the event has ended; the error when it could not be read. A
    /// document cut short is a syntax error.
    pub fn finish(&mut self) -> Result<&[u8], ReduceError> {
        match self.state {
            State::Done => Ok(&self.out),
            // A top-level number ends with the input.
            State::Scalar if self.depth == 0 => Ok(&self.out),
            State::Failed(e) => Err(e),
            _ => Err(ReduceError::Syntax),
        }
    }

    /// Feeds the next bytes of the event; `on_text` receives every piece of visible text.
    pub fn feed(&mut self, bytes: &[u8], on_text: &mut dyn FnMut(&[u8])) {
        let mut i = 0;
        while i < bytes.len() {
            match self.step(bytes, i, on_text) {
                Ok(next) => i = next,
                Err(e) => {
                    self.state = State::Failed(e);
                    return;
                }
            }
        }
    }

    /// Handles input from `bytes[i]`, returns the next index to read.
    fn step(
        &mut self,
        bytes: &[u8],
        i: usize,
        on_text: &mut dyn FnMut(&[u8]),
    ) -> Result<usize, ReduceError> {
        let Some(&b) = bytes.get(i) else {
            return Ok(bytes.len());
        };
        match self.state {
            State::Failed(_) => return Ok(bytes.len()),
            State::Str(sink) => return self.string(bytes, i, sink, on_text),
            State::Skip {
                started,
                depth,
                in_string,
                escaped,
            } => return Ok(self.skip(bytes, i, started, depth, in_string, escaped)),
            _ => {}
        }
        if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            if self.state == State::Scalar {
                self.end_value();
            }
            return Ok(i + 1);
        }
        match self.state {
            State::Value | State::ValueOrClose => {
                if self.state == State::ValueOrClose && b == b']' {
                    return self.close(b).map(|()| i + 1);
                }
                self.element_comma()?;
                self.value_start(b)?;
            }
            State::KeyOrClose | State::Key => {
                if self.state == State::KeyOrClose && b == b'}' {
                    return self.close(b).map(|()| i + 1);
                }
                if b != b'"' {
                    return Err(ReduceError::Syntax);
                }
                if let Some(frame) = self.top_mut() {
                    frame.key_len = 0;
                    frame.key_long = false;
                }
                self.state = State::Str(StrSink::Key);
            }
            State::Colon => {
                if b != b':' {
                    return Err(ReduceError::Syntax);
                }
                self.member_decided()?;
            }
            State::After => match b {
                b',' => {
                    self.state = if self.top().is_some_and(|f| f.object) {
                        State::Key
                    } else {
                        State::Value
                    };
                }
                b'}' | b']' => self.close(b)?,
                _ => return Err(ReduceError::Syntax),
            },
            State::Scalar => match b {
                b',' | b'}' | b']' => {
                    self.end_value();
                    return Ok(i); // the delimiter is read in `After`
                }
                _ => self.write(&[b])?,
            },
            State::Done => {} // trailing bytes are ignored
            State::Str(_) | State::Skip { .. } | State::Failed(_) => {}
        }
        Ok(i + 1)
    }

    fn top(&self) -> Option<&Frame> {
        self.depth.checked_sub(1).and_then(|d| self.frames.get(d))
    }

    fn top_mut(&mut self) -> Option<&mut Frame> {
        self.depth
            .checked_sub(1)
            .and_then(|d| self.frames.get_mut(d))
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), ReduceError> {
        if self.out.len() + bytes.len() > self.cap {
            return Err(ReduceError::TooLarge);
        }
        self.out.extend_from_slice(bytes);
        Ok(())
    }

    /// An array element starts: a comma before all but the first.
    fn element_comma(&mut self) -> Result<(), ReduceError> {
        let Some(frame) = self.top_mut() else {
            return Ok(());
        };
        if frame.object {
            return Ok(()); // the member's key wrote it
        }
        let first = std::mem::replace(&mut frame.first, false);
        if !first {
            self.write(b",")?;
        }
        Ok(())
    }

    /// The first byte of a kept value.
    fn value_start(&mut self, b: u8) -> Result<(), ReduceError> {
        match b {
            b'{' | b'[' => {
                let frame = self
                    .frames
                    .get_mut(self.depth)
                    .ok_or(ReduceError::TooLarge)?;
                *frame = Frame {
                    object: b == b'{',
                    ..Frame::EMPTY
                };
                self.depth += 1;
                self.write(&[b])?;
                self.state = if b == b'{' {
                    State::KeyOrClose
                } else {
                    State::ValueOrClose
                };
            }
            b'"' => {
                let sink = match self.text_rule() {
                    Some(kind) => {
                        self.text.clear();
                        self.text_chars = 0;
                        StrSink::Text(kind)
                    }
                    None => {
                        self.write(b"\"")?;
                        let type_capture =
                            self.top().is_some_and(|f| f.object && f.key() == b"type");
                        if let Some(frame) = self.top_mut().filter(|_| type_capture) {
                            frame.type_len = 0;
                        }
                        StrSink::Keep {
                            written: 0,
                            type_capture,
                        }
                    }
                };
                self.esc_len = 0;
                self.state = State::Str(sink);
            }
            b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => {
                self.write(&[b])?;
                self.state = State::Scalar;
            }
            _ => return Err(ReduceError::Syntax),
        }
        Ok(())
    }

    /// A value ended (string, scalar, container): back to its parent.
    fn end_value(&mut self) {
        self.state = if self.depth == 0 {
            State::Done
        } else {
            State::After
        };
    }

    fn close(&mut self, b: u8) -> Result<(), ReduceError> {
        let object = self.top().map(|f| f.object).ok_or(ReduceError::Syntax)?;
        if object != (b == b'}') {
            return Err(ReduceError::Syntax);
        }
        self.write(&[b])?;
        self.depth -= 1;
        self.end_value();
        Ok(())
    }

    /// After `key:`: keep the member (write its key) or skip its value.
    fn member_decided(&mut self) -> Result<(), ReduceError> {
        if self.depth == 1 {
            let key = self.top().map(|f| f.key()).unwrap_or_default();
            let mut seen = 0u64;
            for (bit, rule) in self.schema.text.iter().enumerate().take(64) {
                if let When::NoEarlierTopKey(k) = rule.when {
                    if key == k.as_bytes() {
                        seen |= 1 << bit;
                    }
                }
            }
            self.top_keys_seen |= seen;
        }
        let frame = self.top().copied().unwrap_or(Frame::EMPTY);
        if frame.key_long || !self.keeps() {
            self.state = State::Skip {
                started: false,
                depth: 0,
                in_string: false,
                escaped: false,
            };
            return Ok(());
        }
        if !frame.first {
            self.write(b",")?;
        }
        if let Some(f) = self.top_mut() {
            f.first = false;
        }
        self.write(b"\"")?;
        self.write(frame.key())?;
        self.write(b"\":")?;
        self.state = State::Value;
        Ok(())
    }

    /// The keys of the current path (object frames' current keys).
    fn path(&self) -> impl Iterator<Item = &[u8]> + Clone {
        self.frames
            .get(..self.depth)
            .unwrap_or_default()
            .iter()
            .filter(|f| f.object)
            .map(Frame::key)
    }

    /// Whether some keep pattern is a prefix of the path, or the path a prefix of it.
    fn keeps(&self) -> bool {
        self.schema.keep.iter().any(|pattern| {
            let mut pattern = pattern.split('.');
            for key in self.path() {
                match pattern.next() {
                    None => return true, // inside a kept subtree
                    Some(p) if p == "*" || p.as_bytes() == key => {}
                    Some(_) => return false,
                }
            }
            true // on the way to a kept subtree, or the kept member itself
        })
    }

    /// The kind of text a string starting here is, if a rule matches its path.
    fn text_rule(&self) -> Option<TextKind> {
        self.schema
            .text
            .iter()
            .enumerate()
            .find(|(bit, rule)| {
                let mut pattern = rule.path.split('.');
                let path_matches = self.path().all(|key| {
                    pattern
                        .next()
                        .is_some_and(|p| p == "*" || p.as_bytes() == key)
                }) && pattern.next().is_none();
                path_matches
                    && match rule.when {
                        When::Always => true,
                        When::Type(types) => {
                            let kind = self.enclosing_type();
                            types.iter().any(|t| t.as_bytes() == kind)
                        }
                        When::NoEarlierTopKey(_) => {
                            *bit >= 64 || self.top_keys_seen & (1 << bit) == 0
                        }
                    }
            })
            .map(|(_, rule)| rule.kind)
    }

    /// The innermost object's `type` read so far; at the top level without one, the
    /// event name.
    fn enclosing_type(&self) -> &[u8] {
        let frames = self.frames.get(..self.depth).unwrap_or_default();
        match frames.iter().rposition(|f| f.object) {
            Some(at) => {
                let frame = frames.get(at);
                let captured = frame
                    .map(|f| {
                        f.type_value
                            .get(..usize::from(f.type_len))
                            .unwrap_or_default()
                    })
                    .unwrap_or_default();
                if captured.is_empty() && at == 0 {
                    self.event_name
                        .get(..self.event_name_len)
                        .unwrap_or_default()
                } else {
                    captured
                }
            }
            None => &[],
        }
    }

    /// Skips one value (whatever it holds) without storing it.
    fn skip(
        &mut self,
        bytes: &[u8],
        mut i: usize,
        mut started: bool,
        mut depth: u32,
        mut in_string: bool,
        mut escaped: bool,
    ) -> usize {
        while let Some(&b) = bytes.get(i) {
            if in_string {
                if escaped {
                    escaped = false;
                    i += 1;
                    continue;
                }
                let rest = bytes.get(i..).unwrap_or_default();
                match memchr::memchr2(b'"', b'\\', rest) {
                    None => {
                        i = bytes.len();
                        break;
                    }
                    Some(at) => {
                        i += at + 1;
                        if rest.get(at) == Some(&b'\\') {
                            escaped = true;
                        } else {
                            in_string = false;
                            if depth == 0 {
                                self.end_value();
                                return i;
                            }
                        }
                    }
                }
                continue;
            }
            if !started {
                if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                    i += 1;
                    continue;
                }
                started = true;
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth = 1,
                    _ => {}
                }
                i += 1;
                continue;
            }
            if depth == 0 {
                // A scalar: it ends before a delimiter.
                if matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                    self.end_value();
                    return i;
                }
                i += 1;
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth -= 1;
                    if depth == 0 {
                        self.end_value();
                        return i + 1;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        self.state = State::Skip {
            started,
            depth,
            in_string,
            escaped,
        };
        i
    }

    /// Reads string bytes from `bytes[i]` into `sink`, up to the closing quote or the end.
    fn string(
        &mut self,
        bytes: &[u8],
        mut i: usize,
        mut sink: StrSink,
        on_text: &mut dyn FnMut(&[u8]),
    ) -> Result<usize, ReduceError> {
        while i < bytes.len() {
            if self.esc_len > 0 {
                let Some(&b) = bytes.get(i) else { break };
                i += 1;
                if let Some(slot) = self.esc.get_mut(self.esc_len) {
                    *slot = b;
                }
                self.esc_len += 1;
                let esc = self.esc;
                match self.esc_len {
                    2 if esc[1] != b'u' => self.unit(&esc[..2], &mut sink, on_text)?,
                    6 if !is_high_surrogate(&esc) => self.unit(&esc[..6], &mut sink, on_text)?,
                    7 if esc[6] != b'\\' => {
                        self.unit(&esc[..6], &mut sink, on_text)?;
                        i -= 1; // read the byte again as a string byte
                    }
                    8 if esc[7] != b'u' => {
                        self.unit(&esc[..6], &mut sink, on_text)?;
                        self.unit(&esc[6..8], &mut sink, on_text)?;
                    }
                    12 => self.unit(&esc[..12], &mut sink, on_text)?,
                    _ => {}
                }
                continue;
            }
            let rest = bytes.get(i..).unwrap_or_default();
            match memchr::memchr2(b'"', b'\\', rest) {
                None => {
                    self.unit(rest, &mut sink, on_text)?;
                    i = bytes.len();
                }
                Some(at) => {
                    self.unit(rest.get(..at).unwrap_or_default(), &mut sink, on_text)?;
                    i += at + 1;
                    if rest.get(at) == Some(&b'\\') {
                        self.esc[0] = b'\\';
                        self.esc_len = 1;
                    } else {
                        self.string_end(sink, on_text)?;
                        return Ok(i);
                    }
                }
            }
        }
        self.state = State::Str(sink);
        Ok(i)
    }

    /// A run of literal bytes or one whole escape of the current string.
    fn unit(
        &mut self,
        unit: &[u8],
        sink: &mut StrSink,
        on_text: &mut dyn FnMut(&[u8]),
    ) -> Result<(), ReduceError> {
        if unit.first() == Some(&b'\\') {
            self.esc_len = 0;
        }
        if unit.is_empty() {
            return Ok(());
        }
        match sink {
            StrSink::Key => {
                if let Some(frame) = self.top_mut() {
                    let at = usize::from(frame.key_len);
                    match frame.key.get_mut(at..at + unit.len()) {
                        Some(slot) if !frame.key_long => {
                            slot.copy_from_slice(unit);
                            frame.key_len += unit.len() as u8;
                        }
                        _ => frame.key_long = true,
                    }
                }
            }
            StrSink::Keep {
                written,
                type_capture,
            } => {
                let room = MAX_SCALAR_BYTES.saturating_sub(*written);
                // An escape is kept whole or not at all.
                let take = if unit.first() == Some(&b'\\') && unit.len() > room {
                    0
                } else {
                    unit.len().min(room)
                };
                let kept = unit.get(..take).unwrap_or_default();
                self.write(kept)?;
                *written += take;
                if *type_capture {
                    if let Some(frame) = self.top_mut() {
                        let at = usize::from(frame.type_len);
                        let n = kept.len().min(KEY_BYTES - at);
                        if let (Some(slot), Some(src)) =
                            (frame.type_value.get_mut(at..at + n), kept.get(..n))
                        {
                            slot.copy_from_slice(src);
                            frame.type_len += n as u8;
                        }
                    }
                }
            }
            StrSink::Text(kind) => {
                let mut unit = unit;
                while !unit.is_empty() {
                    let room = TEXT_PIECE_BYTES.saturating_sub(self.text.len());
                    if room == 0 {
                        self.flush_text(*kind, false, on_text);
                        continue;
                    }
                    // Escapes are short: never split one.
                    let n = if unit.first() == Some(&b'\\') && unit.len() > room {
                        self.flush_text(*kind, false, on_text);
                        continue;
                    } else {
                        unit.len().min(room)
                    };
                    let (head, tail) = unit.split_at(n);
                    if self.text.capacity() < TEXT_PIECE_BYTES {
                        self.text.reserve_exact(TEXT_PIECE_BYTES - self.text.len());
                    }
                    self.text.extend_from_slice(head);
                    unit = tail;
                }
            }
        }
        Ok(())
    }

    /// Hands out the text held (`last`: all of it; otherwise up to the last complete UTF-8
    /// character, keeping a cut character's bytes for the next piece).
    fn flush_text(&mut self, kind: TextKind, last: bool, on_text: &mut dyn FnMut(&[u8])) {
        let cut = if last {
            self.text.len()
        } else {
            utf8_complete_prefix(&self.text)
        };
        let piece = self.text.get(..cut).unwrap_or_default();
        if piece.is_empty() {
            if !last && self.text.len() >= TEXT_PIECE_BYTES {
                // Not UTF-8 at all: hand it out as it is.
                let all = std::mem::take(&mut self.text);
                self.text_chars += raw_char_count(&all);
                if kind == TextKind::Visible {
                    on_text(&all);
                }
                self.text = all;
                self.text.clear();
            }
            return;
        }
        self.text_chars += raw_char_count(piece);
        if kind == TextKind::Visible {
            on_text(piece);
        }
        self.text.drain(..cut);
    }

    fn string_end(
        &mut self,
        sink: StrSink,
        on_text: &mut dyn FnMut(&[u8]),
    ) -> Result<(), ReduceError> {
        self.esc_len = 0;
        match sink {
            StrSink::Key => self.state = State::Colon,
            StrSink::Keep { .. } => {
                self.write(b"\"")?;
                self.end_value();
            }
            StrSink::Text(kind) => {
                self.flush_text(kind, true, on_text);
                if self.text_chars == 0 {
                    self.write(b"\"\"")?;
                } else {
                    let mut digits = [0u8; 20];
                    let mut n = self.text_chars;
                    let mut at = digits.len();
                    loop {
                        at -= 1;
                        if let Some(d) = digits.get_mut(at) {
                            *d = b'0' + (n % 10) as u8;
                        }
                        n /= 10;
                        if n == 0 || at == 0 {
                            break;
                        }
                    }
                    let mark = match kind {
                        TextKind::Visible => b'V',
                        TextKind::Reasoning => b'R',
                    };
                    self.write(&[b'"', PLACEHOLDER_MARK, mark])?;
                    self.write(digits.get(at..).unwrap_or_default())?;
                    self.write(b"\"")?;
                }
                self.end_value();
            }
        }
        Ok(())
    }
}

/// Number of Unicode scalar values a raw JSON string (escapes not decoded) holds, computed
/// without decoding: every escape is one character except a `\uD8xx\uDCxx` surrogate pair,
/// which is one; UTF-8 leading bytes are counted.
pub fn raw_char_count(bytes: &[u8]) -> usize {
    let mut count = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'\\' {
            let is_high_surrogate = bytes.get(i + 1) == Some(&b'u')
                && matches!(bytes.get(i + 2), Some(b'd' | b'D'))
                && matches!(
                    bytes.get(i + 3),
                    Some(b'8' | b'9' | b'a' | b'b' | b'A' | b'B')
                );
            let pair_follows = is_high_surrogate
                && bytes.get(i + 6) == Some(&b'\\')
                && bytes.get(i + 7) == Some(&b'u');
            i += if pair_follows {
                12
            } else if bytes.get(i + 1) == Some(&b'u') {
                6
            } else {
                2
            };
            count += 1;
        } else {
            // Count UTF-8 leading bytes only.
            if b & 0xC0 != 0x80 {
                count += 1;
            }
            i += 1;
        }
    }
    count
}

/// `\uD800`–`\uDBFF` (the test [`raw_char_count`] uses for a pair).
fn is_high_surrogate(esc: &[u8; 12]) -> bool {
    esc[1] == b'u'
        && matches!(esc[2], b'd' | b'D')
        && matches!(esc[3], b'8' | b'9' | b'a' | b'b' | b'A' | b'B')
}

/// Length of the longest prefix of `bytes` that does not end inside a UTF-8 character.
fn utf8_complete_prefix(bytes: &[u8]) -> usize {
    let len = bytes.len();
    for back in 1..=len.min(4) {
        let at = len - back;
        let b = bytes.get(at).copied().unwrap_or(0);
        if b & 0xC0 == 0x80 {
            continue; // continuation byte
        }
        let needed = match b {
            0x00..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        return if back >= needed { len } else { at };
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    static CHAT: ReduceSchema = ReduceSchema {
        keep: &["choices.delta", "choices.finish_reason", "usage", "model"],
        text: &[
            TextRule {
                path: "choices.delta.content",
                kind: TextKind::Visible,
                when: When::Always,
            },
            TextRule {
                path: "choices.delta.reasoning",
                kind: TextKind::Reasoning,
                when: When::Always,
            },
        ],
        event_stream_payload: EventStreamPayload::Json,
    };

    fn reduce(parts: &[&[u8]], cap: usize) -> (Result<Vec<u8>, ReduceError>, Vec<u8>) {
        let mut r = JsonReducer::new(&CHAT, cap);
        r.reset(b"");
        let mut text = Vec::new();
        for part in parts {
            r.feed(part, &mut |piece| {
                assert!(piece.len() <= TEXT_PIECE_BYTES);
                assert!(std::str::from_utf8(piece).is_ok());
                text.extend_from_slice(piece);
            });
        }
        (r.finish().map(<[u8]>::to_vec), text)
    }

    #[test]
    fn keeps_what_is_asked_streams_text_and_skips_the_rest() {
        let doc = br#"{"id":"x","choices":[{"index":0,"logprobs":{"content":[{"t":"a\"]"}]},"delta":{"content":"h\u00e9\ud83e\udd80 \"q\"\n","reasoning":"r\u00e9"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":12},"model":"m"}"#;
        let (whole, text) = reduce(&[doc], 1024);
        let skeleton = whole.unwrap();
        assert_eq!(
            skeleton,
            b"{\"choices\":[{\"delta\":{\"content\":\"\x00V8\",\"reasoning\":\"\x00R2\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":12},\"model\":\"m\"}"
        );
        assert_eq!(text, br#"h\u00e9\ud83e\udd80 \"q\"\n"#);
        for cut in 0..doc.len() {
            for cut2 in cut..doc.len() {
                let (a, rest) = doc.split_at(cut);
                let (b, c) = rest.split_at(cut2 - cut);
                let (parts, parts_text) = reduce(&[a, b, c], 1024);
                assert_eq!(
                    parts.as_deref(),
                    Ok(skeleton.as_slice()),
                    "cut {cut} {cut2}"
                );
                assert_eq!(parts_text, text);
            }
        }
    }

    #[test]
    fn long_text_goes_out_in_bounded_pieces_and_the_skeleton_stays_small() {
        let mut doc = br#"{"choices":[{"delta":{"content":""#.to_vec();
        for _ in 0..100_000 {
            doc.extend_from_slice("é\\n".as_bytes());
        }
        doc.extend_from_slice(br#""}}],"pad":[1,2,{"x":"]}"}]}"#);
        for size in [1usize, 7, 4095, 65536] {
            let parts: Vec<&[u8]> = doc.chunks(size).collect();
            let (skeleton, text) = reduce(&parts, 256);
            assert_eq!(
                skeleton.unwrap(),
                b"{\"choices\":[{\"delta\":{\"content\":\"\x00V200000\"}}]}"
            );
            assert_eq!(text.len(), 400_000);
        }
    }

    #[test]
    fn kept_parts_past_the_cap_and_bad_brackets_are_errors() {
        let (r, _) = reduce(&[br#"{"usage":{"a":11111111111111111111111111}}"#], 20);
        assert_eq!(r, Err(ReduceError::TooLarge));
        let (r, _) = reduce(&[br#"{"usage":[}"#], 100);
        assert_eq!(r, Err(ReduceError::Syntax));
        let (r, _) = reduce(&[br#"{"usage":{"#], 100);
        assert_eq!(r, Err(ReduceError::Syntax));
    }

    #[test]
    fn placeholders_read_back() {
        assert_eq!(placeholder(b"\x00V123"), Some((TextKind::Visible, 123)));
        assert_eq!(placeholder(b"\x00R0"), Some((TextKind::Reasoning, 0)));
        assert_eq!(placeholder(b"V12"), None);
        assert_eq!(placeholder(b"\x00V1x"), None);
    }
}
