//! The root context: configuration, compiled once per VM in `on_configure`.

use crate::host::ProxyHost;
use crate::http::LlmtapHttp;
use llmtap_core::config::Config;
use llmtap_core::host::{Host, LogLevel};
use llmtap_core::stream::Plugin;
use proxy_wasm::traits::{Context, HttpContext, RootContext};
use proxy_wasm::types::ContextType;
use std::rc::Rc;

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

impl Context for LlmtapRoot {}

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
                self.plugin = Some(plugin);
                true
            }
            Err(error) => {
                self.host.log(LogLevel::Critical, &error.to_string());
                false
            }
        }
    }

    fn create_http_context(&self, _context_id: u32) -> Option<Box<dyn HttpContext>> {
        Some(Box::new(LlmtapHttp::new(self.host, self.plugin.clone())))
    }

    fn get_type(&self) -> Option<ContextType> {
        Some(ContextType::HttpContext)
    }
}
