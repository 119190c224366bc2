//! Test helpers: a deterministic random source (works on every target, unlike OS
//! randomness under wasm32-unknown-unknown), random splitting, random JSON, a [`Host`]
//! that records every call, [`RecordingHost::replay_post`] (one streamed request through a
//! [`Stream`]), and [`decoded`]: one event through a decoder, with its text.

use crate::decode::json::RawStr;
use crate::decode::{DecodeError, EventFacts};
use crate::host::{Host, LogLevel, MetricDefinitionFailed, MetricKind};
use crate::stream::{Plugin, Stream};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// xorshift64* (Vigna, "An experimental exploration of Marsaglia's xorshift generators,
/// scrambled", 2016): small, deterministic, good enough to pick split points.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform-ish in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// A random length in `0..max_len`, then that many bytes picked from `alphabet`.
    pub fn bytes_from(&mut self, alphabet: &[u8], max_len: u64) -> Vec<u8> {
        let len = self.below(max_len);
        (0..len)
            .map(|_| alphabet[self.below(alphabet.len() as u64) as usize])
            .collect()
    }
}

/// Cuts `bytes` into up to `max_parts` pieces at random points (empty pieces included).
pub fn random_splits<'a>(bytes: &'a [u8], rng: &mut Rng, max_parts: u64) -> Vec<&'a [u8]> {
    let parts = 1 + rng.below(max_parts);
    let mut cuts: Vec<usize> = (1..parts)
        .map(|_| rng.below(bytes.len() as u64 + 1) as usize)
        .collect();
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut start = 0;
    for cut in cuts {
        out.push(&bytes[start..cut]);
        start = cut;
    }
    out.push(&bytes[start..]);
    out
}

/// A random JSON value with strings that need escaping, for reader tests.
pub fn random_json(rng: &mut Rng, depth: u32) -> serde_json::Value {
    use serde_json::Value;
    let pick = if depth > 4 {
        rng.below(4)
    } else {
        rng.below(6)
    };
    match pick {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 1),
        2 => {
            if rng.below(2) == 0 {
                Value::from(rng.next() >> 11)
            } else {
                Value::from((rng.next() as f64) / -3.0e7)
            }
        }
        3 => {
            let alphabet = ["a", "\"", "\\", "\n", "é", "🦀", "\u{1}", "/", " ", "中"];
            let s: String = (0..rng.below(8))
                .map(|_| alphabet[rng.below(10) as usize])
                .collect();
            Value::String(s)
        }
        4 => Value::Array(
            (0..rng.below(4))
                .map(|_| random_json(rng, depth + 1))
                .collect(),
        ),
        _ => Value::Object(
            (0..rng.below(4))
                .map(|i| (format!("k{i}\"\\"), random_json(rng, depth + 1)))
                .collect(),
        ),
    }
}

/// A host with a manual clock that records metric definitions and samples.
#[derive(Default)]
pub struct RecordingHost {
    pub clock: Cell<u64>,
    defined: RefCell<Vec<(MetricKind, String)>>,
    pub increments: RefCell<Vec<(u32, i64)>>,
    pub samples: RefCell<Vec<(u32, u64)>>,
    pub logs: RefCell<Vec<(LogLevel, String)>>,
    pub request_headers: RefCell<Vec<(String, String)>>,
    pub response_headers: RefCell<Vec<(String, String)>>,
    pub properties: RefCell<Vec<(String, Vec<u8>)>>,
    pub attributes: RefCell<Vec<(String, Vec<u8>)>>,
}

impl RecordingHost {
    pub fn defined(&self) -> Vec<(MetricKind, String)> {
        self.defined.borrow().clone()
    }

    pub fn advance(&self, micros: u64) {
        self.clock.set(self.clock.get() + micros);
    }

    /// Ids of the series whose stat name passes `keep`.
    fn ids_where(&self, keep: impl Fn(&str) -> bool) -> Vec<u32> {
        self.defined
            .borrow()
            .iter()
            .enumerate()
            .filter(|(_, (_, name))| keep(name))
            .map(|(i, _)| i as u32)
            .collect()
    }

    fn ids_named(&self, prefix: &str) -> Vec<u32> {
        self.ids_where(|name| name.starts_with(prefix))
    }

    /// Sum of the increments of the series `ids`.
    fn increments_of(&self, ids: &[u32]) -> i64 {
        self.increments
            .borrow()
            .iter()
            .filter(|(id, _)| ids.contains(id))
            .map(|(_, d)| d)
            .sum()
    }

    /// Sum of increments of every series whose stat name starts with `prefix`.
    pub fn counter(&self, prefix: &str) -> i64 {
        self.increments_of(&self.ids_named(prefix))
    }

    /// Sum of increments of every series whose stat name starts with `prefix` and contains
    /// `part` (one label, `key=.=value;.;`).
    pub fn counter_with(&self, prefix: &str, part: &str) -> i64 {
        self.increments_of(&self.ids_where(|name| name.starts_with(prefix) && name.contains(part)))
    }

    /// Samples recorded in every histogram whose stat name starts with `prefix`.
    pub fn histogram(&self, prefix: &str) -> Vec<u64> {
        let ids = self.ids_named(prefix);
        self.samples
            .borrow()
            .iter()
            .filter(|(id, _)| ids.contains(id))
            .map(|(_, v)| *v)
            .collect()
    }
}

impl Host for RecordingHost {
    fn now_micros(&self) -> u64 {
        self.clock.get()
    }

    fn define_metric(&self, kind: MetricKind, name: &str) -> Result<u32, MetricDefinitionFailed> {
        let mut defined = self.defined.borrow_mut();
        defined.push((kind, name.to_owned()));
        Ok(defined.len() as u32 - 1)
    }

    fn increment_metric(&self, id: u32, delta: i64) {
        self.increments.borrow_mut().push((id, delta));
    }

    fn record_metric(&self, id: u32, value: u64) {
        self.samples.borrow_mut().push((id, value));
    }

    fn log(&self, level: LogLevel, message: &str) {
        self.logs.borrow_mut().push((level, message.to_owned()));
    }

    fn request_header(&self, name: &str) -> Option<String> {
        header(&self.request_headers, name)
    }

    fn response_header(&self, name: &str) -> Option<String> {
        header(&self.response_headers, name)
    }

    fn property(&self, path: &[&str]) -> Option<Vec<u8>> {
        let key = path.join(".");
        self.properties
            .borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    }

    fn set_attribute(&self, key: &str, value: &[u8]) {
        self.attributes
            .borrow_mut()
            .push((key.to_owned(), value.to_vec()));
    }
}

impl RecordingHost {
    /// Sets the request headers the next stream will see.
    pub fn with_request(&self, headers: &[(&str, &str)]) {
        *self.request_headers.borrow_mut() = owned(headers);
    }

    /// Sets the response headers the next stream will see.
    pub fn with_response(&self, headers: &[(&str, &str)]) {
        *self.response_headers.borrow_mut() = owned(headers);
    }

    /// The last value written for an attribute.
    pub fn attribute(&self, key: &str) -> Option<String> {
        self.attributes
            .borrow()
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
    }

    /// Current value of a gauge (sum of increments of series starting with `prefix`).
    pub fn gauge(&self, prefix: &str) -> i64 {
        self.counter(prefix)
    }

    /// Replays one streamed POST to `path` through a fresh stream of `plugin`: request body
    /// `{"model":"m","stream":true}`, a 200 of `content_type`, one response read per
    /// millisecond, the end of stream, the log callback. Returns the finished stream.
    pub fn replay_post(
        &self,
        plugin: &Rc<Plugin>,
        path: &str,
        content_type: &str,
        reads: &[&[u8]],
    ) -> Stream {
        let mut stream = Stream::new(plugin.clone());
        self.with_request(&[(":path", path), (":method", "POST")]);
        stream.on_request_headers(self);
        stream.on_request_body(br#"{"model":"m","stream":true}"#, true);
        self.with_response(&[(":status", "200"), ("content-type", content_type)]);
        stream.on_response_headers(self);
        for read in reads {
            self.advance(1_000);
            stream.on_response_body(self, read, false);
        }
        stream.on_response_body(self, b"", true);
        stream.on_log(self);
        stream
    }
}

/// The value of header `name` in `headers`.
fn header(headers: &RefCell<Vec<(String, String)>>, name: &str) -> Option<String> {
    headers
        .borrow()
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

fn owned(headers: &[(&str, &str)]) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
}

/// Decodes one event with `decode` (a decoder's entry point), gathering every piece of
/// visible text with escapes decoded. Panics when the event does not decode.
pub fn decoded<'a, D>(decode: D, name: &'a str, data: &'a str) -> (EventFacts<'a>, String)
where
    D: FnOnce(
        &'a [u8],
        &'a [u8],
        &mut dyn FnMut(RawStr<'_>),
    ) -> Result<EventFacts<'a>, DecodeError>,
{
    collect_text(|on_text| decode(name.as_bytes(), data.as_bytes(), on_text))
}

/// Runs `decode` with a text callback gathering every piece of visible text (escapes
/// decoded). Panics when the event does not decode.
pub fn collect_text<'a, D>(decode: D) -> (EventFacts<'a>, String)
where
    D: FnOnce(&mut dyn FnMut(RawStr<'_>)) -> Result<EventFacts<'a>, DecodeError>,
{
    let mut text = String::new();
    let facts = decode(&mut |t: RawStr<'_>| t.decode_into(&mut text)).unwrap();
    (facts, text)
}
