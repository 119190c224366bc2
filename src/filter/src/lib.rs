//! # llmtap filter
//!
//! The proxy-wasm glue: the only crate that touches the proxy. It implements the core's
//! [`Host`] trait with proxy-wasm host calls ([`host::ProxyHost`]) and forwards each Envoy
//! callback to a [`llmtap_core::stream::Stream`]. Every callback returns
//! [`Action::Continue`]: the filter never pauses, buffers or changes traffic.
//!
//! Built with `cargo build -p llmtap-filter --profile wasm --target wasm32-wasip1` into
//! `llmtap.wasm`.

mod host;
mod http;
mod root;

use proxy_wasm::traits::RootContext;
use proxy_wasm::types::LogLevel;

proxy_wasm::main! {{
    proxy_wasm::set_log_level(LogLevel::Info);
    proxy_wasm::set_root_context(|_| -> Box<dyn RootContext> { Box::new(root::LlmtapRoot::default()) });
}}

pub use llmtap_core::host::Host;
pub use proxy_wasm::types::Action;
