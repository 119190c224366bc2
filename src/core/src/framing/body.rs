//! Cuts a response body into events according to its framing, with bounded memory.

use super::aws_eventstream::{AwsEventStreamFramer, AwsFrame};
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
    /// A plain JSON body, kept up to the cap and decoded at the end.
    Whole {
        body: Vec<u8>,
        cap: usize,
        overflowed: bool,
    },
    /// Not something the filter reads (a compressed body).
    Ignored,
}

impl BodyReader {
    /// The reader of a response body in `framing` (see `crate::decode::framing`), each event
    /// capped at `cap` bytes. Compressed bodies (`content-encoding` other than `identity`)
    /// are not parsed: the request is still counted, without content measurements.
    pub fn for_response(
        framing: Framing,
        content_encoding: Option<&str>,
        cap: usize,
    ) -> BodyReader {
        let encoded = content_encoding.is_some_and(|e| !e.trim().eq_ignore_ascii_case("identity"));
        if encoded {
            return BodyReader::Ignored;
        }
        match framing {
            Framing::Sse => BodyReader::Sse(SseFramer::new(cap)),
            Framing::Ndjson => BodyReader::Ndjson(NdjsonFramer::new(cap)),
            Framing::AwsEventStream => BodyReader::Aws(AwsEventStreamFramer::new(cap)),
            Framing::WholeJson => BodyReader::Whole {
                body: Vec::new(),
                cap,
                overflowed: false,
            },
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
            BodyReader::Ndjson(framer) => {
                framer.feed(read, &mut |line| on_event(BodyEvent::Line(line)))
            }
            BodyReader::Aws(framer) => {
                framer.feed(read, &mut |frame| on_event(BodyEvent::Aws(frame)))
            }
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
                body, overflowed, ..
            } => {
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
