//! The SSE framer on arbitrary bytes cut at arbitrary points: never panics, never holds
//! more than its cap, and gives the same events however the input is cut.
#![no_main]
use libfuzzer_sys::fuzz_target;
use llmtap_core::framing::sse::{SseFramer, MAX_BUFFERED_OVER_CAP};

const CAP: usize = 1024;

fn frame(parts: &[&[u8]]) -> Vec<(Vec<u8>, Vec<u8>)> {
    let mut framer = SseFramer::new(CAP);
    let mut events = Vec::new();
    let mut push = |e: llmtap_core::framing::sse::SseEvent<'_>| events.push((e.name.to_vec(), e.data.to_vec()));
    for part in parts {
        framer.feed(part, &mut push);
        assert!(framer.buffered_bytes() <= CAP + MAX_BUFFERED_OVER_CAP);
    }
    framer.finish(&mut push);
    events
}

fuzz_target!(|input: &[u8]| {
    let Some((&cut, body)) = input.split_first() else { return };
    let whole = frame(&[body]);
    let at = usize::from(cut) % (body.len() + 1);
    let (a, b) = body.split_at(at);
    assert_eq!(frame(&[a, b]), whole, "split at {at}");
});
