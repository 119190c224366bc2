//! # llmtap-core
//!
//! Pure logic of the llmtap filter, with no proxy-wasm dependency: it builds natively (tests,
//! benches, fuzzing) and for `wasm32-wasip1` (inside the filter) or `wasm32-unknown-unknown`
//! (tests under Node with `wasm-bindgen-test`).
//!
//! - [`sse`]: byte-level server-sent-events framing with a memory cap;
//! - [`ndjson`], [`aws_eventstream`]: NDJSON line and AWS event-stream binary framing, same shape;
//! - [`formats`]: one decoder per wire format, giving normalised [`formats::EventFacts`];
//! - [`json`]: an allocation-free reader that picks fields out of JSON;
//! - [`formats`]: the nine wire formats, each event normalised to [`formats::EventFacts`];
//! - [`request`]: `model` / `stream` from the request body;
//! - [`stream`]: the per-stream state machine and what it records;
//! - [`config`]: the plugin configuration;
//! - [`metrics`], [`registry`]: the metric catalogue, label encoding and id cache;
//! - [`tokenize`]: exact (`tiktoken`) and estimated token counts when usage is missing;
//! - [`answer_label`]: labels extracted from each answer (`llm_answer_labels_total`);
//! - [`host`]: the [`host::Host`] trait the filter implements.

pub mod answer_label;
pub mod aws_eventstream;
pub mod body;
pub mod config;
pub mod cost;
pub mod decode;
pub mod formats;
pub mod host;
pub mod json;
pub mod labels;
pub mod metrics;
pub mod ndjson;
pub mod outcome;
pub mod record;
pub mod refusal;
pub mod registry;
pub mod request;
pub mod request_rewrite;
pub mod route;
pub mod sse;
pub mod stats;
pub mod stream;
pub mod tokenize;

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod stream_tests;
