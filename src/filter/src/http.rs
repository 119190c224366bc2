//! The per-request context: forwards callbacks to the core's [`Stream`].
//!
//! Bodies are read with `get_http_*_body(0, body_size)`: after `Action::Continue`,
//! `body_size` is the size of the new read only (Envoy 1.40, measured), and the final
//! `end_of_stream` call usually carries no bytes. Bodies are only read for LLM requests.
//! Response bodies are never modified; a request body is held and rewritten only for
//! `inject_include_usage` (see [`llmtap_core::stream::request_body`]).

use crate::host::ProxyHost;
use llmtap_core::stream::{request_body_action, RequestBodyAction};
use llmtap_core::stream::{Plugin, Stream};
use proxy_wasm::hostcalls;
use proxy_wasm::traits::{Context, HttpContext};
use proxy_wasm::types::{Action, BufferType};
use std::rc::Rc;

pub struct LlmtapHttp {
    host: ProxyHost,
    /// `None` when the VM has no valid configuration: the request passes untouched.
    stream: Option<Stream>,
}

impl LlmtapHttp {
    pub fn new(host: ProxyHost, plugin: Option<Rc<Plugin>>) -> Self {
        LlmtapHttp {
            host,
            stream: plugin.map(Stream::new),
        }
    }

    fn llm_stream(&mut self) -> Option<&mut Stream> {
        self.stream.as_mut().filter(|s| s.is_llm())
    }
}

impl Context for LlmtapHttp {}

impl HttpContext for LlmtapHttp {
    fn on_http_request_headers(&mut self, _num_headers: usize, _end_of_stream: bool) -> Action {
        let host = self.host;
        if let Some(stream) = self.stream.as_mut() {
            stream.on_request_headers(&host);
        }
        if self.llm_stream().is_some_and(|s| s.holds_request_body()) {
            // The body may grow by the inserted member: the upstream request is sent
            // without a length (chunked on HTTP/1.1, DATA frames on HTTP/2).
            self.set_http_request_header("content-length", None);
        }
        Action::Continue
    }

    /// Holds, passes or rewrites the body as the core decides ([`request_body_action`]).
    fn on_http_request_body(&mut self, body_size: usize, end_of_stream: bool) -> Action {
        let Some(stream) = self.stream.as_mut() else {
            return Action::Continue;
        };
        let read = || {
            hostcalls::get_buffer(BufferType::HttpRequestBody, 0, body_size)
                .ok()
                .flatten()
                .unwrap_or_default()
        };
        match request_body_action(stream, body_size, end_of_stream, read) {
            RequestBodyAction::Hold => Action::Pause,
            RequestBodyAction::Pass => Action::Continue,
            RequestBodyAction::Replace(body) => {
                self.set_http_request_body(0, body_size, &body);
                Action::Continue
            }
        }
    }

    fn on_http_response_headers(&mut self, _num_headers: usize, end_of_stream: bool) -> Action {
        let host = self.host;
        if let Some(stream) = self.llm_stream() {
            stream.on_response_headers(&host);
            if end_of_stream {
                stream.on_response_body(&host, &[], true);
            }
        }
        Action::Continue
    }

    fn on_http_response_body(&mut self, body_size: usize, end_of_stream: bool) -> Action {
        if !self.llm_stream().is_some_and(|s| s.wants_response_body()) {
            return Action::Continue;
        }
        let read = if body_size > 0 {
            self.get_http_response_body(0, body_size)
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let host = self.host;
        if let Some(stream) = self.llm_stream() {
            stream.on_response_body(&host, &read, end_of_stream);
        }
        Action::Continue
    }

    fn on_log(&mut self) {
        let host = self.host;
        if let Some(stream) = self.llm_stream() {
            stream.on_log(&host);
        }
    }
}
