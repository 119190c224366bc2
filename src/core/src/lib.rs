//! # llmtap-core
//!
//! Pure logic of the llmtap filter, with no proxy-wasm dependency: it builds natively (tests,
//! benches, fuzzing) and for `wasm32-wasip1` (inside the filter) or `wasm32-unknown-unknown`
//! (tests under Node with `wasm-bindgen-test`).
//!
//! ## The path of a body chunk
//!
//! ```text
//!  host callback (filter: on_http_response_body …)
//!      │  bytes of one read
//!      ▼
//!  stream::Stream ─────────────── request::{route, capture, rewrite}   (request side)
//!      │  the read
//!      ▼
//!  framing::BodyReader ── sse | ndjson | aws_eventstream | whole JSON
//!      │  BodyEvent (one event, capped)
//!      ▼
//!  decode ── json reader, envelope, usage table, one file per provider
//!      │  EventFacts (text, usage, finish reason, refusal signal …)
//!      ▼
//!  stream::measure ── per-stream measurements (+ refusal phrase scan, token counting)
//!      │  at the end of the stream
//!      ▼
//!  stream::summary::summarize ── StreamSummary (pure)
//!      │
//!      ▼
//!  stream::record ──► metrics::{catalogue, labels, registry} ──► host::Host
//! ```
//!
//! Arrows point one way: a module uses only modules below it on the path (and the
//! top-level ones), never one above. `framing` knows no API; `decode` knows no stream;
//! `metrics` knows no stream.
//!
//! ## One concern per folder
//!
//! - [`framing`]: cutting a body into events with a memory cap (SSE, NDJSON, AWS
//!   event-stream, one whole JSON body) and the body reader that runs one of them;
//! - [`decode`]: from one event to [`decode::EventFacts`], by wire format: the
//!   allocation-free JSON reader, shared envelopes, one table-driven usage reader, one file
//!   per provider;
//! - [`stream`]: the VM-wide plugin state, the request lifecycle, measurements, the pure
//!   end-of-stream summary, and recording (outcome, cost, metrics, attributes);
//! - [`metrics`]: the metric catalogue, label values and the metric-id registry;
//! - [`request`]: which API a path is (route), what the request body says (capture), the
//!   opt-in usage rewrite and the hold/pass/replace decision for the request body;
//!
//! and, used across the path:
//! - [`config`]: the plugin configuration, validated once;
//! - [`host`]: the [`host::Host`] trait the filter implements;
//! - [`refusal`]: refusal phrases matched over the visible answer;
//! - [`answer_label`]: labels extracted from each answer (`llm_answer_labels_total`);
//! - [`prompt_sample`]: opt-in prompt sampling (decision, redaction, queue, NDJSON batches)
//!   for topic drift, sent by the root context;
//! - [`tokenize`]: exact (`tiktoken`) and estimated token counts when usage is missing.

pub mod answer_label;
pub mod config;
pub mod decode;
pub mod framing;
pub mod host;
pub mod metrics;
pub mod prompt_sample;
pub mod refusal;
pub mod request;
pub mod stream;
pub mod tokenize;

#[cfg(test)]
pub(crate) mod testing;
