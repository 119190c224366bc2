//! The per-stream state machine: what one HTTP request/response pair is, what it carried,
//! and when each part arrived. The filter forwards every proxy callback here; the core
//! reads what it needs through the [`Host`](crate::host::Host). Nothing here pauses or drops
//! traffic; the only change is the opt-in request rewrite (`inject_include_usage`, see
//! [`crate::request::rewrite`]).
//!
//! Timestamps are microseconds of the host's monotonic clock
//! ([`Host::now_micros`](crate::host::Host::now_micros)). Definitions (see `docs/metrics.md`):
//! - a *content event* carries non-empty visible output text;
//! - TTFB = request start → first byte of the response body;
//! - TTFT = request start → arrival of the read that completes the first content event;
//! - each inter-chunk gap = arrival of a content event − arrival of the previous one
//!   (0 for events completed by the same read);
//! - time per output token = (last content − first content) / (output tokens − 1).
//!
//! One file per concern, in the order a stream meets them:
//! - [`plugin`]: the VM-wide state every stream shares;
//! - [`lifecycle`]: the request lifecycle, one callback at a time;
//! - [`request_body`]: hold, pass or replace one request body read (the filter maps it);
//! - [`measure`]: measurements, and applying each decoded event to them;
//! - [`summary`]: the pure end-of-stream summary;
//! - [`record`] (with [`outcome`], [`cost`] and [`attributes`]): the metrics and the
//!   per-request attributes (filter state for access logs and span tags) written once, when
//!   the stream ends — except the gaps, recorded in batches of at most
//!   [`measure::GAP_BATCH`] while the stream runs (storing them all would need memory
//!   proportional to the stream), and the in-flight gauge, which moves when the phase changes.

pub mod attributes;
pub mod cost;
pub mod lifecycle;
pub mod measure;
pub mod outcome;
pub mod plugin;
pub mod record;
pub mod request_body;
pub mod summary;

#[cfg(test)]
pub(crate) mod tests;

pub use lifecycle::Stream;
pub use plugin::Plugin;
pub use request_body::{request_body_action, RequestBodyAction};
pub use summary::StreamSummary;
