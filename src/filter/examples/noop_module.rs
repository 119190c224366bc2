//! The smallest useful proxy-wasm HTTP filter: it reads every response body chunk (as llmtap
//! does) and does nothing else. `bench/run.py` starts Envoy with it to separate what any V8
//! module costs (isolates per worker, the SDK, a body copy per chunk) from what llmtap adds:
//!
//! ```sh
//! cargo build --profile wasm --target wasm32-wasip1 -p llmtap-filter --example noop_module
//! ```

use proxy_wasm::traits::{Context, HttpContext, RootContext};
use proxy_wasm::types::{Action, ContextType, LogLevel};

proxy_wasm::main! {{
    proxy_wasm::set_log_level(LogLevel::Warn);
    proxy_wasm::set_root_context(|_| -> Box<dyn RootContext> { Box::new(NoopRoot) });
}}

struct NoopRoot;

impl Context for NoopRoot {}

impl RootContext for NoopRoot {
    fn create_http_context(&self, _context_id: u32) -> Option<Box<dyn HttpContext>> {
        Some(Box::new(NoopStream))
    }

    fn get_type(&self) -> Option<ContextType> {
        Some(ContextType::HttpContext)
    }
}

struct NoopStream;

impl Context for NoopStream {}

impl HttpContext for NoopStream {
    fn on_http_response_body(&mut self, body_size: usize, _end_of_stream: bool) -> Action {
        // The same copy llmtap makes; the bytes are dropped.
        drop(self.get_http_response_body(0, body_size));
        Action::Continue
    }
}
