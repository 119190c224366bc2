//! Cuts a response body into events according to its framing, with bounded memory. Events
//! larger than the cap are read as they stream ([`super::json_reduce`]) when the format
//! declares what it reads ([`ReduceSchema`]).

use super::aws_eventstream::{AwsEventStreamFramer, AwsFrame};
use super::json_reduce::{JsonReducer, ReduceError, ReduceSchema};
use super::ndjson::NdjsonFramer;
use super::sse::SseFramer;
use super::Framing;

/// One framed unit of a response body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyEvent<'a> {
    /// A server-sent event (`name` is the `event:` field, empty if none).
    Sse { name: &'a [u8], data: &'a [u8] },
    /// One NDJSON line.
    Line(&'a [u8]),
    /// One AWS event-stream frame (Bedrock).
    Aws(AwsFrame<'a>),
    /// A whole (non-streaming) JSON body.
    Whole(&'a [u8]),
    /// A piece of visible text of an event larger than the cap, handed out while the event
    /// streams (raw JSON string contents, cut between characters and escapes). The event
    /// itself follows, its text replaced by placeholders that count it.
    Text(&'a [u8]),
}

/// How the body was read, reported at the end.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FramingReport {
    /// Events (or a whole body) skipped because they exceeded the cap.
    pub oversized_events: u64,
    /// Frames that could not be read (bad CRC, bad headers, a corrupt prelude that stopped
    /// the parser, a frame cut by the end of the stream).
    pub malformed_frames: u64,
    /// The body was a stream (as opposed to one JSON document or nothing readable).
    pub streamed: bool,
}

impl FramingReport {
    /// A streamed body in which `oversized_events` events exceeded the cap.
    fn streamed(oversized_events: u64) -> Self {
        FramingReport {
            oversized_events,
            streamed: true,
            ..Default::default()
        }
    }
}

/// The reader of one response body.
#[derive(Debug)]
pub enum BodyReader {
    /// Headers not seen yet.
    Pending,
    Sse(SseFramer),
    Ndjson(NdjsonFramer),
    Aws(AwsEventStreamFramer),
    /// A plain JSON body, kept up to the cap and decoded at the end; past the cap, read as it
    /// streams by `reducer` when there is a schema.
    Whole {
        body: Vec<u8>,
        cap: usize,
        overflowed: bool,
        schema: Option<&'static ReduceSchema>,
        reducer: Option<Box<JsonReducer>>,
    },
    /// Not something the filter reads (a compressed body).
    Ignored,
}

impl BodyReader {
    /// The reader of a response body in `framing` (see `crate::decode::framing`), each event
    /// capped at `cap` bytes. Compressed bodies (`content-encoding` other than `identity`)
    /// are not parsed: the request is still counted, without content measurements.
    ///
    /// With a `schema`, events larger than the cap are read as they stream.
    pub fn for_response(
        framing: Framing,
        content_encoding: Option<&str>,
        cap: usize,
        schema: Option<&'static ReduceSchema>,
    ) -> BodyReader {
        let encoded = content_encoding.is_some_and(|e| !e.trim().eq_ignore_ascii_case("identity"));
        if encoded {
            return BodyReader::Ignored;
        }
        match framing {
            Framing::Sse => BodyReader::Sse(match schema {
                Some(schema) => SseFramer::with_schema(cap, schema),
                None => SseFramer::new(cap),
            }),
            Framing::Ndjson => BodyReader::Ndjson(match schema {
                Some(schema) => NdjsonFramer::with_schema(cap, schema),
                None => NdjsonFramer::new(cap),
            }),
            Framing::AwsEventStream => BodyReader::Aws(match schema {
                Some(schema) => AwsEventStreamFramer::with_schema(cap, schema),
                None => AwsEventStreamFramer::new(cap),
            }),
            Framing::WholeJson => BodyReader::Whole {
                body: Vec::new(),
                cap,
                overflowed: false,
                schema,
                reducer: None,
            },
        }
    }

    /// Feeds one read; calls `on_event` for each complete event.
    pub fn feed<F: FnMut(BodyEvent<'_>)>(&mut self, read: &[u8], on_event: &mut F) {
        // Text pieces and events go to the same callback; the framers call one at a time
        // (never one from inside the other), so the borrow always succeeds.
        let on_event = std::cell::RefCell::new(on_event);
        let mut on_text = |piece: &[u8]| {
            if let Ok(mut f) = on_event.try_borrow_mut() {
                f(BodyEvent::Text(piece));
            }
        };
        let emit = |event: BodyEvent<'_>| {
            if let Ok(mut f) = on_event.try_borrow_mut() {
                f(event);
            }
        };
        match self {
            BodyReader::Sse(framer) => framer.feed_with_text(
                read,
                &mut |e| {
                    emit(BodyEvent::Sse {
                        name: e.name,
                        data: e.data,
                    })
                },
                &mut on_text,
            ),
            BodyReader::Ndjson(framer) => {
                framer.feed_with_text(read, &mut |line| emit(BodyEvent::Line(line)), &mut on_text)
            }
            BodyReader::Aws(framer) => {
                framer.feed_with_text(read, &mut |frame| emit(BodyEvent::Aws(frame)), &mut on_text)
            }
            BodyReader::Whole {
                body,
                cap,
                overflowed,
                schema,
                reducer,
            } => {
                if let Some(reducer) = reducer.as_mut() {
                    reducer.feed(read, &mut on_text);
                    return;
                }
                let room = cap.saturating_sub(body.len());
                if read.len() > room {
                    if let Some(schema) = schema {
                        // Too large to keep: read it as it streams from here.
                        let mut streaming = Box::new(JsonReducer::new(schema, *cap));
                        streaming.reset(b"");
                        streaming.feed(body, &mut on_text);
                        streaming.feed(read, &mut on_text);
                        *body = Vec::new();
                        *reducer = Some(streaming);
                        return;
                    }
                }
                *overflowed |= read.len() > room;
                let kept = read.get(..room.min(read.len())).unwrap_or_default();
                let len = body.len() + kept.len();
                if len > body.capacity() {
                    // Grow geometrically, but never reserve past the cap.
                    let target = len.max(body.capacity() * 2).min(*cap);
                    body.reserve_exact(target.max(len) - body.len());
                }
                body.extend_from_slice(kept);
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
                FramingReport::streamed(framer.stats().oversized_events)
            }
            BodyReader::Ndjson(framer) => {
                framer.finish(&mut |line| on_event(BodyEvent::Line(line)));
                FramingReport::streamed(framer.stats().oversized_lines)
            }
            BodyReader::Aws(framer) => {
                framer.finish(&mut |frame| on_event(BodyEvent::Aws(frame)));
                let s = framer.stats();
                FramingReport {
                    malformed_frames: s.crc_mismatches
                        + s.malformed_frames
                        + s.corrupt_preludes
                        + s.truncated_frames,
                    ..FramingReport::streamed(s.oversized_frames)
                }
            }
            BodyReader::Whole {
                body,
                overflowed,
                reducer,
                ..
            } => {
                if let Some(reducer) = reducer.as_mut() {
                    match reducer.finish() {
                        Ok(skeleton) => on_event(BodyEvent::Whole(skeleton)),
                        Err(ReduceError::TooLarge) => {
                            return FramingReport {
                                oversized_events: 1,
                                ..Default::default()
                            }
                        }
                        // Not a JSON document: a truncated one the decoder reports as malformed.
                        Err(ReduceError::Syntax) => on_event(BodyEvent::Whole(b"{")),
                    }
                    return FramingReport::default();
                }
                if *overflowed {
                    return FramingReport {
                        oversized_events: 1,
                        ..Default::default()
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
