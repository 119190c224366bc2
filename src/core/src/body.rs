//! Cuts a response body into events according to its framing, with bounded memory.

use crate::config::Config;
use crate::formats::{Framing, WireFormat};
use crate::sse::SseFramer;

/// One framed unit of a response body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyEvent<'a> {
    /// A server-sent event (`name` is the `event:` field, empty if none).
    Sse { name: &'a [u8], data: &'a [u8] },
    /// A whole (non-streaming) JSON body.
    Whole(&'a [u8]),
}

/// How the body was read, reported at the end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FramingReport {
    /// Events (or a whole body) skipped because they exceeded the cap.
    pub oversized_events: u64,
    /// The body was a stream (as opposed to one JSON document or nothing readable).
    pub streamed: bool,
}

/// The reader of one response body.
#[derive(Debug)]
pub enum BodyReader {
    /// Headers not seen yet.
    Pending,
    Sse(SseFramer),
    /// A plain JSON body, kept up to the cap and decoded at the end.
    Whole {
        body: Vec<u8>,
        cap: usize,
        overflowed: bool,
    },
    /// Not something the filter reads (other content type, compressed body…).
    Ignored,
}

impl BodyReader {
    /// Picks the framing from the response's content type. Compressed bodies
    /// (`content-encoding` other than `identity`) are not parsed: the request is still
    /// counted, without content measurements.
    pub fn for_response(
        _format: WireFormat,
        content_type: Option<&str>,
        content_encoding: Option<&str>,
        config: &Config,
    ) -> BodyReader {
        let encoded = content_encoding.is_some_and(|e| !e.trim().eq_ignore_ascii_case("identity"));
        if encoded {
            return BodyReader::Ignored;
        }
        match framing_of(content_type) {
            Some(Framing::Sse) => BodyReader::Sse(SseFramer::new(config.max_event_bytes)),
            Some(Framing::WholeJson) => BodyReader::Whole {
                body: Vec::new(),
                cap: config.max_event_bytes,
                overflowed: false,
            },
            _ => BodyReader::Ignored,
        }
    }

    /// Feeds one read; calls `on_event` for each complete event.
    pub fn feed<F: FnMut(BodyEvent<'_>)>(&mut self, read: &[u8], on_event: &mut F) {
        match self {
            BodyReader::Sse(framer) => framer.feed(read, &mut |e| {
                on_event(BodyEvent::Sse {
                    name: e.name,
                    data: e.data,
                })
            }),
            BodyReader::Whole {
                body,
                cap,
                overflowed,
            } => {
                let room = cap.saturating_sub(body.len());
                *overflowed |= read.len() > room;
                body.extend_from_slice(read.get(..room.min(read.len())).unwrap_or_default());
            }
            BodyReader::Pending | BodyReader::Ignored => {}
        }
    }

    /// Ends the body: flushes what is pending and reports.
    pub fn finish<F: FnMut(BodyEvent<'_>)>(&mut self, on_event: &mut F) -> FramingReport {
        match self {
            BodyReader::Sse(framer) => {
                framer.finish(&mut |e| {
                    on_event(BodyEvent::Sse {
                        name: e.name,
                        data: e.data,
                    })
                });
                FramingReport {
                    oversized_events: framer.stats().oversized_events,
                    streamed: true,
                }
            }
            BodyReader::Whole {
                body, overflowed, ..
            } => {
                if *overflowed {
                    return FramingReport {
                        oversized_events: 1,
                        streamed: false,
                    };
                }
                if !body.is_empty() {
                    on_event(BodyEvent::Whole(body));
                }
                FramingReport::default()
            }
            BodyReader::Pending | BodyReader::Ignored => FramingReport::default(),
        }
    }
}

/// The framing a content type announces (parameters and case ignored).
pub fn framing_of(content_type: Option<&str>) -> Option<Framing> {
    let media = content_type?.split(';').next()?.trim();
    let is = |name: &str| media.eq_ignore_ascii_case(name);
    if is("text/event-stream") {
        Some(Framing::Sse)
    } else if is("application/x-ndjson") || is("application/jsonl") || is("application/x-jsonlines")
    {
        Some(Framing::Ndjson)
    } else if is("application/vnd.amazon.eventstream") {
        Some(Framing::AwsEventStream)
    } else if is("application/json") {
        Some(Framing::WholeJson)
    } else {
        None
    }
}
