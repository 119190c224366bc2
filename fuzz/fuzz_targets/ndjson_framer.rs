//! The NDJSON line framer on arbitrary bytes cut at arbitrary points: never panics, never
//! holds more than its cap, gives the same lines however the input is cut, and every line it
//! gives is a non-blank line of the input, without `\n` (nor a final `\r`), at most the cap
//! long (the `\r` counted).
#![no_main]
use libfuzzer_sys::fuzz_target;
use llmtap_core::framing::ndjson::{NdjsonFramer, NdjsonStats};

const CAP: usize = 256;

fn frame(parts: &[&[u8]]) -> (Vec<Vec<u8>>, NdjsonStats) {
    let mut framer = NdjsonFramer::new(CAP);
    let mut lines = Vec::new();
    let mut push = |l: &[u8]| lines.push(l.to_vec());
    for part in parts {
        framer.feed(part, &mut push);
        assert!(framer.buffered_bytes() <= CAP);
        assert!(framer.reserved_bytes() <= CAP);
    }
    framer.finish(&mut push);
    (lines, framer.stats())
}

fuzz_target!(|input: &[u8]| {
    let [cut, step, body @ ..] = input else {
        return;
    };
    let whole = frame(&[body]);
    let at = usize::from(*cut) % (body.len() + 1);
    let (a, b) = body.split_at(at);
    assert_eq!(frame(&[a, b]), whole, "split at {at}");
    let reads: Vec<&[u8]> = body.chunks(1 + usize::from(*step)).collect();
    assert_eq!(frame(&reads), whole, "reads of {}", 1 + usize::from(*step));
    // The cap counts every byte held, a line's trailing `\r` included.
    let kept: Vec<&[u8]> = body
        .split(|&b| b == b'\n')
        .filter(|l| l.len() <= CAP)
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .filter(|l| !l.trim_ascii().is_empty())
        .collect();
    let (lines, stats) = whole;
    assert_eq!(lines, kept);
    assert_eq!(stats.lines as usize, kept.len());
});
