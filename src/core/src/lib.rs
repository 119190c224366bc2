//! # llmtap-core
//!
//! Pure logic of the llmtap filter, with no proxy-wasm dependency: it builds natively (tests,
//! benches, fuzzing) and for `wasm32-wasip1` (inside the filter) or `wasm32-unknown-unknown`
//! (tests under Node with `wasm-bindgen-test`).
//!
//! - [`sse`]: byte-level server-sent-events framing with a memory cap;
//! - [`json`]: an allocation-free reader that picks fields out of JSON;
//! - [`openai_chat`]: OpenAI chat completion events;
//! - [`request`]: `model` / `stream` from the request body;
//! - [`stream`]: the per-stream state machine and what it records;
//! - [`config`]: the plugin configuration;
//! - [`metrics`], [`registry`]: the metric catalogue, label encoding and id cache;
//! - [`host`]: the [`host::Host`] trait the filter implements.

pub mod body;
pub mod config;
pub mod cost;
pub mod decode;
pub mod formats;
pub mod host;
pub mod json;
pub mod labels;
pub mod metrics;
pub mod openai_chat;
pub mod outcome;
pub mod record;
pub mod registry;
pub mod request;
pub mod route;
pub mod sse;
pub mod stream;

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod corpus_tests;
#[cfg(test)]
mod stream_tests;
