//! Inputs the fuzzers found (`fuzz/fuzz_targets/sse_framer.rs`), replayed with the same checks.

use llmtap_core::framing::sse::{SseFramer, MAX_BUFFERED_OVER_CAP};

const CAP: usize = 1024;

fn frame(parts: &[&[u8]]) -> Vec<(Vec<u8>, Vec<u8>)> {
    let mut framer = SseFramer::new(CAP);
    let mut events = Vec::new();
    let mut push = |e: llmtap_core::framing::sse::SseEvent<'_>| {
        events.push((e.name.to_vec(), e.data.to_vec()))
    };
    for part in parts {
        framer.feed(part, &mut push);
        assert!(
            framer.buffered_bytes() <= CAP + MAX_BUFFERED_OVER_CAP,
            "buffered {} after a part of {} bytes",
            framer.buffered_bytes(),
            part.len()
        );
    }
    framer.finish(&mut push);
    events
}

fn replay(input: &[u8]) {
    let Some((&cut, body)) = input.split_first() else {
        return;
    };
    let whole = frame(&[body]);
    let at = usize::from(cut) % (body.len() + 1);
    let (a, b) = body.split_at(at);
    assert_eq!(frame(&[a, b]), whole, "split at {at}");
}

#[test]
fn a_long_data_line_cut_inside_its_field_name_stays_within_the_cap() {
    replay(include_bytes!(
        "fuzz_regressions/sse_framer_buffered_past_cap.bin"
    ));
}
