//! The root context: configuration, compiled once per VM in `on_configure`; with
//! `prompt_sampling`, the tick that sends queued prompt samples to the aggregator
//! (`dispatch_http_call`, one batch in flight per VM) and the answers to those calls.

use crate::host::ProxyHost;
use crate::http::LlmtapHttp;
use llmtap_core::config::Config;
use llmtap_core::host::{Host, LogLevel};
use llmtap_core::stream::Plugin;
use proxy_wasm::hostcalls;
use proxy_wasm::traits::{Context, HttpContext, RootContext};
use proxy_wasm::types::{ContextType, MapType};
use std::rc::Rc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// One per VM: holds the plugin built from the current configuration.
pub struct LlmtapRoot {
    host: ProxyHost,
    plugin: Option<Rc<Plugin>>,
}

impl Default for LlmtapRoot {
    fn default() -> Self {
        LlmtapRoot {
            host: ProxyHost::new(),
            plugin: None,
        }
    }
}

impl Context for LlmtapRoot {
    /// The answer to a prompt-sample batch (also called on a timeout or a reset, then
    /// without headers).
    fn on_http_call_response(
        &mut self,
        token_id: u32,
        _num_headers: usize,
        _body_size: usize,
        _num_trailers: usize,
    ) {
        let status = hostcalls::get_map_value(MapType::HttpCallResponseHeaders, ":status")
            .ok()
            .flatten()
            .and_then(|s| s.trim().parse::<u16>().ok());
        if let Some(plugin) = &self.plugin {
            plugin.on_prompt_samples_response(&self.host, token_id, status);
        }
    }
}

impl RootContext for LlmtapRoot {
    fn on_vm_start(&mut self, _vm_configuration_size: usize) -> bool {
        self.host.log(
            LogLevel::Debug,
            concat!("llmtap ", env!("CARGO_PKG_VERSION"), " VM started"),
        );
        true
    }

    /// Parses and validates the configuration. On error: one critical log line and
    /// `false`, so Envoy rejects this configuration (and keeps the previous one on an update).
    fn on_configure(&mut self, _plugin_configuration_size: usize) -> bool {
        let bytes = self.get_plugin_configuration().unwrap_or_default();
        match Config::parse(&bytes).and_then(Plugin::build) {
            Ok(plugin) => {
                // The tick runs only with prompt sampling; 0 stops it when a new
                // configuration turns sampling off.
                let tick_ms = plugin
                    .prompt_sampler()
                    .map_or(0, |s| s.config().flush_interval_ms as u64);
                let was_ticking = self
                    .plugin
                    .as_ref()
                    .is_some_and(|p| p.prompt_sampler().is_some());
                if (tick_ms > 0 || was_ticking)
                    && hostcalls::set_tick_period(Duration::from_millis(tick_ms)).is_err()
                {
                    self.host.log(
                        LogLevel::Error,
                        "llmtap: the proxy refused the tick period: prompt samples will not be sent",
                    );
                }
                if let Some(old) = self.plugin.replace(plugin) {
                    old.retire_prompt_samples(&self.host);
                }
                true
            }
            Err(error) => {
                self.host.log(LogLevel::Critical, &error.to_string());
                false
            }
        }
    }

    /// Sends the next batch of prompt samples, if any (never on a request's path).
    fn on_tick(&mut self) {
        let Some(plugin) = &self.plugin else { return };
        // WASI's realtime clock (works in Envoy's V8, like the monotonic one).
        let unix_ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
        plugin.flush_prompt_samples(&self.host, unix_ms, |cluster, headers, body, timeout_ms| {
            self.dispatch_http_call(
                cluster,
                headers.to_vec(),
                Some(body),
                Vec::new(),
                Duration::from_millis(timeout_ms),
            )
            .map_err(drop)
        });
    }

    fn create_http_context(&self, _context_id: u32) -> Option<Box<dyn HttpContext>> {
        Some(Box::new(LlmtapHttp::new(self.host, self.plugin.clone())))
    }

    fn get_type(&self) -> Option<ContextType> {
        Some(ContextType::HttpContext)
    }
}
