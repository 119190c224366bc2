//! The refusal matcher: scanning an answer in arbitrary pieces gives the same verdict as
//! scanning it whole, never panics, and stops consuming once the window (plus the longest
//! exclusion) is behind it.
//!
//! Input: the first byte picks the matcher (default lists, window 300; or the smallest window,
//! 16, which makes the past-the-window paths common) and seeds the piece sizes; the rest,
//! as UTF-8 (lossily), is the answer.
#![no_main]
use libfuzzer_sys::fuzz_target;
use llmtap_core::refusal::{RefusalConfig, RefusalMatcher, MAX_PHRASE_CHARS, MIN_WINDOW_CHARS};

thread_local! {
    // Built once: compiling the default lists takes milliseconds.
    static MATCHERS: [RefusalMatcher; 2] = [
        RefusalMatcher::new(&RefusalConfig::default()).expect("default refusal config"),
        RefusalMatcher::new(&RefusalConfig { window_chars: MIN_WINDOW_CHARS, ..RefusalConfig::default() })
            .expect("small-window refusal config"),
    ];
}

fuzz_target!(|input: &[u8]| {
    let Some((&selector, rest)) = input.split_first() else {
        return;
    };
    let answer = String::from_utf8_lossy(rest);
    MATCHERS.with(|matchers| {
        let matcher = &matchers[usize::from(selector & 1)];
        let whole = matcher.detect(&answer);
        // Pieces of 1..=15 bytes (a 0 feeds an empty piece first) (moved forward to a character boundary), sizes from the
        // answer's own bytes so the fuzzer controls them.
        let mut scan = matcher.scan();
        let mut left: &str = &answer;
        let mut sizes = rest
            .iter()
            .cycle()
            .map(|b| usize::from((b ^ selector) & 15));
        while !left.is_empty() {
            let size = sizes.next().unwrap_or(1);
            if size == 0 {
                scan.feed(matcher, ""); // empty pieces happen (an event with no text)
            }
            let mut cut = size.max(1).min(left.len());
            while !left.is_char_boundary(cut) {
                cut += 1;
            }
            let (piece, tail) = left.split_at(cut);
            scan.feed(matcher, piece);
            left = tail;
        }
        // Work stays bounded past the window: the automaton steps at most 13 bytes per input
        // character (a space, then up to 3 lowercase characters of up to 4 UTF-8 bytes) over
        // the window, then at most the longest exclusion while a candidate waits.
        let bound = 13 * (matcher.window_chars() + MAX_PHRASE_CHARS + 2);
        assert!(
            (scan.bytes_scanned() as usize) <= bound,
            "scanned {} bytes (bound {bound})",
            scan.bytes_scanned()
        );
        assert_eq!(scan.finish(matcher), whole, "pieces vs whole on {answer:?}");
    });
});
