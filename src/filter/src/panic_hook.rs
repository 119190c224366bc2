//! A panic hook that writes the panic to Envoy's log before the VM dies.
//!
//! The shipped module is built with `panic = "abort"`: a panic (in the filter or in a
//! dependency, including the proxy-wasm SDK's own host-call wrappers, which panic on an
//! unexpected status) becomes a wasm trap, and Envoy applies the plugin's `failure_policy`
//! (docs/failure-policy.md). This hook runs first and logs one `critical` line naming the
//! module version, the source location and the message, so the trap has a cause in the log.
//! It replaces the SDK's own hook (installed by `set_log_level`), whose line names neither
//! llmtap nor its version.

use proxy_wasm::hostcalls;
use proxy_wasm::types::LogLevel;
use std::panic::PanicHookInfo;

/// Installs the hook for the whole VM. Called once when the module is instantiated.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        // The log call is the last thing the VM does; if the host refuses it, the SDK
        // wrapper panics again and the VM aborts, as it would have anyway.
        let _ = hostcalls::log(LogLevel::Critical, &panic_line(info));
    }));
}

/// `llmtap <version> panicked at <file>:<line>:<column>: <message>`, on one line.
fn panic_line(info: &PanicHookInfo<'_>) -> String {
    // `panic!("literal")` carries a `&str`, a formatted panic a `String`.
    let payload = info.payload();
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)");
    match info.location() {
        Some(at) => format!(
            "llmtap {} panicked at {}:{}:{}: {message}",
            env!("CARGO_PKG_VERSION"),
            at.file(),
            at.line(),
            at.column()
        ),
        None => format!("llmtap {} panicked: {message}", env!("CARGO_PKG_VERSION")),
    }
}
