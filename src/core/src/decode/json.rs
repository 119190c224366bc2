//! A minimal, allocation-free JSON reader for picking a few fields out of an event.
//!
//! Written by hand rather than with `serde_json` because the filter reads every event of
//! every stream and needs only a handful of fields: this reader walks the bytes once, skips
//! everything it is not asked for without building values, hands out strings as raw
//! (still escaped) slices of the input, and never allocates. Nesting is bounded by
//! [`MAX_DEPTH`], so a nesting bomb is an error, not a stack overflow. Grammar: RFC 8259.

/// Deepest nesting accepted.
pub const MAX_DEPTH: usize = 64;

/// Why a document could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// The input ended inside a value.
    UnexpectedEnd,
    /// A byte that cannot start or continue the expected token, at this offset.
    UnexpectedByte(usize),
    /// More than [`MAX_DEPTH`] nested arrays/objects.
    TooDeep,
}

/// A JSON string exactly as written between its quotes (escapes not decoded).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct RawStr<'a>(pub &'a [u8]);

impl<'a> RawStr<'a> {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether the raw text equals `plain` (which must contain no characters that need escaping).
    pub fn eq_plain(&self, plain: &str) -> bool {
        self.0 == plain.as_bytes()
    }

    /// Number of Unicode scalar values the decoded string has, computed without decoding:
    /// every escape is one character except a `\uD8xx\uDCxx` surrogate pair, which is one.
    pub fn char_count(&self) -> usize {
        crate::framing::json_reduce::raw_char_count(self.0)
    }

    /// Appends the decoded string to `out`. Invalid escapes and lone surrogates become
    /// U+FFFD; invalid UTF-8 is replaced likewise.
    pub fn decode_into(&self, out: &mut String) {
        let bytes = self.0;
        let mut i = 0;
        let mut literal_start = 0;
        while let Some(&b) = bytes.get(i) {
            if b != b'\\' {
                i += 1;
                continue;
            }
            push_lossy(out, bytes.get(literal_start..i).unwrap_or_default());
            let (ch, used) = decode_escape(bytes.get(i..).unwrap_or_default());
            out.push(ch);
            i += used;
            literal_start = i;
        }
        push_lossy(out, bytes.get(literal_start..).unwrap_or_default());
    }
}

fn push_lossy(out: &mut String, bytes: &[u8]) {
    match std::str::from_utf8(bytes) {
        Ok(s) => out.push_str(s),
        Err(_) => out.push_str(&String::from_utf8_lossy(bytes)),
    }
}

fn hex4(bytes: &[u8]) -> Option<u32> {
    let digits = bytes.get(..4)?;
    let mut value = 0u32;
    for &d in digits {
        value = value * 16 + char::from(d).to_digit(16)?;
    }
    Some(value)
}

/// Decodes one escape at the start of `bytes` (which begins with `\`); returns the
/// character and the number of bytes used.
fn decode_escape(bytes: &[u8]) -> (char, usize) {
    let simple = match bytes.get(1) {
        Some(b'"') => '"',
        Some(b'\\') => '\\',
        Some(b'/') => '/',
        Some(b'b') => '\u{8}',
        Some(b'f') => '\u{c}',
        Some(b'n') => '\n',
        Some(b'r') => '\r',
        Some(b't') => '\t',
        Some(b'u') => {
            let Some(high) = bytes.get(2..).and_then(hex4) else {
                return ('\u{fffd}', bytes.len().min(2));
            };
            if (0xD800..0xDC00).contains(&high)
                && bytes.get(6) == Some(&b'\\')
                && bytes.get(7) == Some(&b'u')
            {
                if let Some(low) = bytes.get(8..).and_then(hex4) {
                    if (0xDC00..0xE000).contains(&low) {
                        let c = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                        return (char::from_u32(c).unwrap_or('\u{fffd}'), 12);
                    }
                }
            }
            return (char::from_u32(high).unwrap_or('\u{fffd}'), 6);
        }
        _ => return ('\u{fffd}', bytes.len().min(2)),
    };
    (simple, 2)
}

/// Whether `b` can appear in a JSON number (digits, sign, fraction point, exponent).
#[inline]
fn is_number_byte(b: u8) -> bool {
    b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E')
}

/// A cursor over one JSON document.
#[derive(Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader {
            bytes,
            pos: 0,
            depth: 0,
        }
    }

    /// The next byte that is not white space. Compact JSON (what every API streams) has
    /// none between tokens, so the first byte is tested inline before the loop: every
    /// token read starts here.
    #[inline]
    fn peek(&mut self) -> Result<u8, JsonError> {
        // JSON white space is four bytes, all at or below the space character.
        if let Some(&b) = self.bytes.get(self.pos) {
            if b > b' ' {
                return Ok(b);
            }
        }
        self.skip_white_space()
    }

    #[cold]
    fn skip_white_space(&mut self) -> Result<u8, JsonError> {
        while let Some(&b) = self.bytes.get(self.pos) {
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                self.pos += 1;
            } else {
                return Ok(b);
            }
        }
        Err(JsonError::UnexpectedEnd)
    }

    #[inline]
    fn expect(&mut self, byte: u8) -> Result<(), JsonError> {
        if self.peek()? == byte {
            self.pos += 1;
            Ok(())
        } else {
            Err(JsonError::UnexpectedByte(self.pos))
        }
    }

    /// The next value is an object: calls `member(key, reader)` for each member; the
    /// callback must consume the value (read it or [`Reader::skip`] it).
    pub fn object<F>(&mut self, mut member: F) -> Result<(), JsonError>
    where
        F: FnMut(RawStr<'a>, &mut Reader<'a>) -> Result<(), JsonError>,
    {
        self.expect(b'{')?;
        self.enter()?;
        if self.peek()? == b'}' {
            self.pos += 1;
            self.depth -= 1;
            return Ok(());
        }
        loop {
            let key = self.string()?;
            self.expect(b':')?;
            member(key, self)?;
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Ok(());
                }
                _ => return Err(JsonError::UnexpectedByte(self.pos)),
            }
        }
    }

    /// The next value is an array: calls `element(reader)` for each element, which must
    /// consume it.
    pub fn array<F>(&mut self, mut element: F) -> Result<(), JsonError>
    where
        F: FnMut(&mut Reader<'a>) -> Result<(), JsonError>,
    {
        self.expect(b'[')?;
        self.enter()?;
        if self.peek()? == b']' {
            self.pos += 1;
            self.depth -= 1;
            return Ok(());
        }
        loop {
            element(self)?;
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Ok(());
                }
                _ => return Err(JsonError::UnexpectedByte(self.pos)),
            }
        }
    }

    fn enter(&mut self) -> Result<(), JsonError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err(JsonError::TooDeep)
        } else {
            Ok(())
        }
    }

    /// Whether the next value is `null` (consumed if so).
    pub fn null(&mut self) -> Result<bool, JsonError> {
        if self.peek()? == b'n' {
            self.literal(b"null")?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// The next value is a string: returns it raw.
    pub fn string(&mut self) -> Result<RawStr<'a>, JsonError> {
        self.expect(b'"')?;
        self.string_body()
    }

    /// Reads a string's body and closing quote (the opening quote is consumed). The body is
    /// skipped with `memchr2` from one `"` or `\\` to the next, never byte by byte.
    fn string_body(&mut self) -> Result<RawStr<'a>, JsonError> {
        let start = self.pos;
        let rest = self.bytes.get(start..).unwrap_or_default();
        let mut offset = 0;
        loop {
            let found = memchr::memchr2(b'"', b'\\', rest.get(offset..).unwrap_or_default())
                .ok_or(JsonError::UnexpectedEnd)?;
            let at = offset + found;
            if rest.get(at) == Some(&b'\\') {
                offset = at + 2;
                if offset > rest.len() {
                    return Err(JsonError::UnexpectedEnd);
                }
            } else {
                self.pos = start + at + 1;
                return Ok(RawStr(rest.get(..at).unwrap_or_default()));
            }
        }
    }

    /// The next value is a string or null: returns the string, `None` for null.
    pub fn opt_string(&mut self) -> Result<Option<RawStr<'a>>, JsonError> {
        match self.peek()? {
            b'"' => {
                self.pos += 1;
                self.string_body().map(Some)
            }
            // `null` is the usual non-string here (`finish_reason` on every chunk before the
            // last): read it without going through `skip`.
            b'n' => self.literal(b"null").map(|()| None),
            _ => self.skip().map(|()| None),
        }
    }

    /// The next value as a boolean; `None` (value consumed) if it is anything else.
    pub fn opt_bool(&mut self) -> Result<Option<bool>, JsonError> {
        match self.peek()? {
            b't' => self.literal(b"true").map(|()| Some(true)),
            b'f' => self.literal(b"false").map(|()| Some(false)),
            _ => self.skip().map(|()| None),
        }
    }

    /// The next value as an unsigned integer; `None` (value consumed) if it is anything
    /// else (null, negative, fractional, a string…).
    pub fn opt_u64(&mut self) -> Result<Option<u64>, JsonError> {
        let first = self.peek()?;
        if !first.is_ascii_digit() {
            self.skip()?;
            return Ok(None);
        }
        let begin = self.pos;
        let mut value: u64 = 0;
        let mut overflow = false;
        while let Some(&d) = self.bytes.get(self.pos) {
            if !d.is_ascii_digit() {
                break;
            }
            match value
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(d - b'0')))
            {
                Some(v) => value = v,
                None => overflow = true,
            }
            self.pos += 1;
        }
        if matches!(self.bytes.get(self.pos), Some(b'.' | b'e' | b'E')) {
            self.pos = begin;
            self.skip()?;
            return Ok(None);
        }
        Ok(if overflow { None } else { Some(value) })
    }

    /// The next non-whitespace byte, not consumed.
    pub fn peek_byte(&mut self) -> Result<u8, JsonError> {
        self.peek()
    }

    /// Byte offset of the next value (after whitespace), or the end of the input.
    pub fn offset(&mut self) -> usize {
        let _ = self.peek();
        self.pos
    }

    /// Skips the next value whatever it is.
    pub fn skip(&mut self) -> Result<(), JsonError> {
        match self.peek()? {
            b'{' => self.object(|_, r| r.skip()),
            b'[' => self.array(|r| r.skip()),
            b'"' => {
                self.pos += 1;
                self.string_body().map(|_| ())
            }
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            b'-' | b'0'..=b'9' => {
                self.skip_number();
                Ok(())
            }
            _ => Err(JsonError::UnexpectedByte(self.pos)),
        }
    }

    /// Skips a number (the caller has seen its first byte, a digit or `-`). Ids, timestamps
    /// and counts are mostly digits, so whole runs of them are passed in one scan before the
    /// rarer sign, fraction and exponent bytes are looked at.
    fn skip_number(&mut self) {
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        let len = rest
            .iter()
            .position(|&b| !is_number_byte(b))
            .unwrap_or(rest.len());
        self.pos += len;
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), JsonError> {
        let end = self.pos + word.len();
        match self.bytes.get(self.pos..end) {
            Some(found) if found == word => {
                self.pos = end;
                Ok(())
            }
            Some(_) => Err(JsonError::UnexpectedByte(self.pos)),
            None => Err(JsonError::UnexpectedEnd),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Rng;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn decode(raw: &[u8]) -> String {
        let mut s = String::new();
        RawStr(raw).decode_into(&mut s);
        s
    }

    #[test]
    fn decodes_escapes_like_serde_json() {
        let samples = [
            r#""plain""#,
            r#""a\nb\t\"q\"\\ \/""#,
            r#""\u00e9\u4e2d\ud83e\udd80""#,
            r#""héllo 🦀 中文""#,
            r#""""#,
        ];
        for sample in samples {
            let expected: String = serde_json::from_str(sample).unwrap();
            let mut reader = Reader::new(sample.as_bytes());
            let raw = reader.string().unwrap();
            assert_eq!(decode(raw.0), expected);
            assert_eq!(raw.char_count(), expected.chars().count(), "{sample}");
        }
    }

    #[test]
    fn lone_surrogates_and_bad_escapes_become_replacement_characters() {
        assert_eq!(decode(br"\ud83e x"), "\u{fffd} x");
        assert_eq!(decode(br"\q"), "\u{fffd}");
        assert_eq!(decode(br"\u12"), "\u{fffd}12");
    }

    #[test]
    fn reads_nested_fields_and_skips_the_rest() {
        let doc = br#"{"a":[1,2,{"b":null}],"usage":{"prompt_tokens":12,"x":1.5e3,"completion_tokens":7},"s":"\"}"}"#;
        let mut prompt = None;
        let mut completion = None;
        let mut s = None;
        Reader::new(doc)
            .object(|key, r| match key.0 {
                b"usage" => r.object(|k, r| {
                    match k.0 {
                        b"prompt_tokens" => prompt = r.opt_u64()?,
                        b"completion_tokens" => completion = r.opt_u64()?,
                        _ => r.skip()?,
                    }
                    Ok(())
                }),
                b"s" => {
                    s = Some(r.string()?);
                    Ok(())
                }
                _ => r.skip(),
            })
            .unwrap();
        assert_eq!((prompt, completion), (Some(12), Some(7)));
        assert_eq!(s.unwrap().0, br#"\"}"#);
    }

    #[test]
    fn numbers_that_are_not_unsigned_integers_read_as_none() {
        for (doc, expected) in [
            ("5", Some(5)),
            ("-5", None),
            ("5.0", None),
            ("5e2", None),
            ("null", None),
            ("\"5\"", None),
            ("99999999999999999999999", None),
        ] {
            assert_eq!(
                Reader::new(doc.as_bytes()).opt_u64().unwrap(),
                expected,
                "{doc}"
            );
        }
    }

    #[test]
    fn nesting_bombs_and_truncation_are_errors_not_crashes() {
        let bomb = "[".repeat(100_000);
        assert_eq!(Reader::new(bomb.as_bytes()).skip(), Err(JsonError::TooDeep));
        assert_eq!(
            Reader::new(br#"{"a":"#).skip(),
            Err(JsonError::UnexpectedEnd)
        );
        assert_eq!(
            Reader::new(br#"{"a":"x\"#).skip(),
            Err(JsonError::UnexpectedEnd)
        );
        assert!(Reader::new(br#"{"a" 1}"#).skip().is_err());
        assert!(Reader::new(b"tru").skip().is_err());
    }

    #[test]
    fn skip_accepts_everything_serde_accepts_in_random_documents() {
        let mut rng = Rng::new(11);
        for _ in 0..300 {
            let value = crate::testing::random_json(&mut rng, 0);
            let text = serde_json::to_string(&value).unwrap();
            let mut reader = Reader::new(text.as_bytes());
            reader.skip().unwrap();
            assert_eq!(reader.pos, text.len(), "{text}");
        }
    }
}
