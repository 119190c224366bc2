//! Heap bytes that building the default configuration's per-VM tables takes (issue #16: RSS):
//! the peak while building and what stays live after, for the whole plugin configuration and
//! for the refusal matcher alone. A counting global allocator records live bytes and their
//! peak. Native sizes (64-bit pointers) run somewhat above the module's (32-bit).
//!
//! `cargo run --release -p llmtap-core --example configure_memory`

use llmtap_core::config::Config;
use llmtap_core::refusal::{RefusalConfig, RefusalMatcher};
use llmtap_core::stream::Plugin;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Counts live heap bytes and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards every call unchanged to the system allocator; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let live = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed)
                + (new_size - layout.size());
            PEAK.fetch_max(live, Ordering::Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

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
