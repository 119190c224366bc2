//! Heap bytes that building the default configuration's per-VM tables takes (issue #16: RSS):
//! the peak while building and what stays live after, for the whole plugin configuration and
//! for the refusal matcher alone. A counting global allocator records live bytes and their
//! peak. Native sizes (64-bit pointers) run somewhat above the module's (32-bit).
//!
//! `cargo run --release -p llmtap-core --example configure_memory`

use llmtap_core::config::Config;
use llmtap_core::refusal::{RefusalConfig, RefusalMatcher};
use llmtap_core::stream::Plugin;
use std::sync::atomic::Ordering;

#[path = "../tests/support/counting_alloc.rs"]
mod counting_alloc;
use counting_alloc::{Counting, LIVE, PEAK};

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `build`; returns (peak bytes above those live before, bytes still live after) and
/// keeps the built value alive until both are read.
fn measure<T>(build: impl FnOnce() -> T) -> (usize, usize) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let built = build();
    let peak = PEAK.load(Ordering::Relaxed) - base;
    let live = LIVE.load(Ordering::Relaxed) - base;
    drop(built);
    (peak, live)
}

fn main() {
    let (peak, live) = measure(|| Config::parse(b"{}").and_then(Plugin::build));
    println!("plugin (configuration `{{}}`): peak {peak} bytes while building, {live} live after");
    let (peak, live) = measure(|| RefusalMatcher::new(&RefusalConfig::default()));
    println!(
        "refusal matcher (default config): peak {peak} bytes while building, {live} live after"
    );
}
