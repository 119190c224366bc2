//! Peak heap memory of one response body reader while it reads events far larger than its
//! cap (issue #15): a counting global allocator records the bytes live at the peak, above
//! what was live before the reader was made. One test in this binary, so no other thread
//! allocates while it measures.
//!
//! Run with `cargo test -p llmtap-core --test large_event_memory -- --nocapture` to see the
//! figures.

use llmtap_core::decode::{decode_body_event, reduce_schema, WireFormat};
use llmtap_core::framing::{BodyEvent, BodyReader, Framing};
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

const CAP: usize = 64 * 1024;
const MIB: usize = 1024 * 1024;

/// Reads `body` in `read`-byte reads, decoding every event; returns the peak heap bytes above
/// those live before the reader was made, and the usage output tokens read.
fn peak_while_reading(
    format: WireFormat,
    framing: Framing,
    body: &[u8],
    read: usize,
) -> (usize, Option<u64>, u64) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let mut reader = BodyReader::for_response(framing, None, CAP, reduce_schema(format));
    let mut scratch = Vec::new();
    let mut output = None;
    let mut text_chars = 0u64;
    let mut on_event = |event: BodyEvent<'_>| {
        if let Ok(facts) = decode_body_event(format, event, &mut scratch, &mut |_| {}) {
            text_chars += facts.text_chars as u64;
            if let Some(usage) = facts.usage {
                output = usage.output.or(output);
            }
        }
    };
    for part in body.chunks(read) {
        reader.feed(part, &mut on_event);
    }
    let report = reader.finish(&mut on_event);
    assert_eq!(report.oversized_events, 0);
    let peak = PEAK.load(Ordering::Relaxed) - base;
    drop(reader);
    (peak, output, text_chars)
}

fn chat_event(content: &str) -> String {
    format!("data: {{\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\"{content}\"}}}}]}}\n\n")
}

#[test]
fn reading_events_of_any_size_stays_within_the_cap() {
    let mut figures = Vec::new();
    for size in [MIB, 16 * MIB, 64 * MIB] {
        // SSE: a long answer string, then a usage event padded with a member nobody reads.
        let mut body = chat_event("Hi");
        body.push_str(&chat_event(&"x".repeat(size)));
        body.push_str(&format!(
            "data: {{\"pad\":\"{}\",\"choices\":[{{\"index\":0,\"delta\":{{}},\"finish_reason\":\"stop\"}}],\"usage\":{{\"prompt_tokens\":3,\"completion_tokens\":7}}}}\n\ndata: [DONE]\n\n",
            "p".repeat(size)
        ));
        let (peak, output, chars) =
            peak_while_reading(WireFormat::OpenAiChat, Framing::Sse, body.as_bytes(), 65536);
        assert_eq!((output, chars), (Some(7), size as u64 + 2));
        figures.push(("SSE chat", size, peak));
        drop(body);

        // NDJSON: Ollama's last line with a long `context`.
        let context = vec!["123456"; size / 7].join(",");
        let body = format!(
            "{{\"response\":\"Hi\",\"done\":false}}\n{{\"response\":\"\",\"done\":true,\"context\":[{context}],\"prompt_eval_count\":3,\"eval_count\":7}}\n"
        );
        drop(context);
        let (peak, output, _) =
            peak_while_reading(WireFormat::Ollama, Framing::Ndjson, body.as_bytes(), 16384);
        assert_eq!(output, Some(7));
        figures.push(("NDJSON ollama", size, peak));
        drop(body);

        // A whole JSON body with a long `logprobs` array.
        let body = format!(
            "{{\"choices\":[{{\"message\":{{\"content\":\"Hi\"}},\"logprobs\":{{\"content\":[{}]}},\"finish_reason\":\"stop\"}}],\"usage\":{{\"prompt_tokens\":3,\"completion_tokens\":7}}}}",
            vec![r#"{"token":"a","logprob":-1.5}"#; size / 29].join(",")
        );
        let (peak, output, _) = peak_while_reading(
            WireFormat::OpenAiChat,
            Framing::WholeJson,
            body.as_bytes(),
            65536,
        );
        assert_eq!(output, Some(7));
        figures.push(("whole JSON chat", size, peak));
    }
    for (what, size, peak) in &figures {
        println!(
            "[memory] {what}: event of {} MiB, peak heap of the reader {peak} bytes",
            size / MIB
        );
    }
    // The cap, plus the reducer of a large event (its fixed path stack, ~2 KiB, and one 4 KiB
    // text piece) while the data collected up to the cap is handed over to it.
    let bound = CAP + 8 * 1024;
    for (what, size, peak) in figures {
        assert!(
            peak <= bound,
            "{what}, {} MiB event: peak {peak} bytes > {bound}",
            size / MIB
        );
    }
}
