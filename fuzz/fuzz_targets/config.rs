//! The configuration parser on arbitrary bytes: an error or a valid configuration, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(config) = llmtap_core::config::Config::parse(data) {
        let _ = llmtap_core::stream::Plugin::new(config);
    }
});
