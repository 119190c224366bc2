//! # llmtap filter
//!
//! The proxy-wasm glue: the only crate that touches the proxy. It implements the core's
//! [`Host`] trait with proxy-wasm host calls ([`host::ProxyHost`]) and forwards each Envoy
//! callback to a [`llmtap_core::stream::Stream`]. Every callback returns
//! [`Action::Continue`] and no body is modified, with one documented exception: with
//! `inject_include_usage`, an OpenAI-compatible streaming request body is held
//! ([`Action::Pause`]) until complete, at most `max_request_body_bytes`, and rewritten once
//! (the core's `request_body` module decides). A panic is logged at `critical` before the
//! VM aborts (`panic_hook`).
//!
//! `tests/` drives the module natively at the proxy-wasm ABI against a fake host.
//!
//! Built with `cargo build -p llmtap-filter --profile wasm --target wasm32-wasip1` into
//! `llmtap.wasm`.

mod host;
mod http;
mod panic_hook;
mod root;

use proxy_wasm::traits::RootContext;
use proxy_wasm::types::LogLevel;

proxy_wasm::main! {{
    proxy_wasm::set_log_level(LogLevel::Info);
    panic_hook::install();
    proxy_wasm::set_root_context(|_| -> Box<dyn RootContext> { Box::new(root::LlmtapRoot::default()) });
}}

pub use llmtap_core::host::Host;
pub use proxy_wasm::types::Action;
