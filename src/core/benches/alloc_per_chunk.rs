//! Heap allocations per chunk in steady state, counted by a global allocator
//! (`cargo bench -p llmtap-core --bench alloc_per_chunk`). Prints one JSON object per case;
//! `bench/run.py` copies them into `bench/RESULTS.md`. No assertions: a figure, not a test.
//!
//! Steady state = a stream that is already open and has read the same kind of chunk before:
//! the allocations of opening (`Stream::new`, header look-ups, the framer's first buffer)
//! and of closing (`on_log`, metric recording) are per stream and are counted separately.

mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};
use support::{
    default_plugin, open_stream, openai_chat_event, read_corpus, BenchHost, CHAT_REQUEST,
    FORMAT_SAMPLES,
};

/// Counts calls to `alloc`/`realloc` (a `realloc` that moves or grows is a new allocation
/// as far as cost goes) and the bytes asked for.
struct CountingAllocator;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);
static BYTES: AtomicU64 = AtomicU64::new(0);

// SAFETY: forwards every call unchanged to the system allocator; only counts.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(layout.size() as u64, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(new_size as u64, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

fn counts() -> (u64, u64) {
    (
        ALLOCATIONS.load(Ordering::Relaxed),
        BYTES.load(Ordering::Relaxed),
    )
}

fn report(case: &str, chunks: u64, allocations: u64, bytes: u64) {
    println!(
        "{{\"case\":\"{case}\",\"chunks\":{chunks},\"allocations\":{allocations},\"bytes\":{bytes},\"allocations_per_chunk\":{:.4}}}",
        allocations as f64 / chunks.max(1) as f64
    );
}

/// Synthetic OpenAI chat chunks of `tokens` words: 200 warm-up chunks, then `measured`.
fn synthetic(tokens: usize, measured: usize) {
    let plugin = default_plugin();
    let host = BenchHost::new("/v1/chat/completions", "text/event-stream");
    let events: Vec<Vec<u8>> = (0..64).map(|i| openai_chat_event(i, tokens)).collect();
    let (before_open, before_open_bytes) = counts();
    let mut stream = open_stream(&plugin, &host, CHAT_REQUEST);
    for event in events.iter().cycle().take(200) {
        stream.on_response_body(&host, event, false);
    }
    let (start, start_bytes) = counts();
    for event in events.iter().cycle().take(measured) {
        stream.on_response_body(&host, event, false);
    }
    let (end, end_bytes) = counts();
    stream.on_response_body(&host, b"", true);
    stream.on_log(&host);
    let (closed, closed_bytes) = counts();
    report(
        &format!("openai_chat_{tokens}_tokens_per_event"),
        measured as u64,
        end - start,
        end_bytes - start_bytes,
    );
    report(
        &format!("openai_chat_{tokens}_tokens_open_warmup_close_per_stream"),
        1,
        (start - before_open) + (closed - end),
        (start_bytes - before_open_bytes) + (closed_bytes - end_bytes),
    );
}

/// A recorded stream per format, fed twice into one stream in 64-byte reads; only the
/// second pass is counted.
fn corpus() {
    let plugin = default_plugin();
    for &(label, file, _, path, content_type) in FORMAT_SAMPLES {
        let Ok(body) = read_corpus(file) else {
            println!("{{\"case\":\"corpus_{label}\",\"missing\":\"{file}\"}}");
            continue;
        };
        let host = BenchHost::new(path, content_type);
        let mut stream = open_stream(&plugin, &host, CHAT_REQUEST);
        for read in body.chunks(64) {
            stream.on_response_body(&host, read, false);
        }
        let (start, start_bytes) = counts();
        let mut reads = 0;
        for read in body.chunks(64) {
            stream.on_response_body(&host, read, false);
            reads += 1;
        }
        let (end, end_bytes) = counts();
        stream.on_log(&host);
        report(
            &format!("corpus_{label}_64_byte_reads"),
            reads,
            end - start,
            end_bytes - start_bytes,
        );
    }
}

fn main() {
    synthetic(1, 100_000);
    synthetic(64, 20_000);
    corpus();
}
