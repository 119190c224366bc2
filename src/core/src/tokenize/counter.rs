//! Counting the tokens of a stream's text with bounded memory.
//!
//! The text is kept (up to `cap` bytes) and counted once, when the stream ends without a
//! usage report, so streams that do report usage cost no tokenization at all. When the kept
//! text reaches the cap, the pieces that more text cannot change are counted and dropped
//! ([`Tokenizer::count_settled`]); only the unfinished tail is carried. BPE never merges
//! across pre-tokenizer pieces, so the total equals `tiktoken`'s count of the whole text for
//! any chunking. A single piece longer than the cap (e.g. 100 KB without a space) is cut,
//! which is no longer exact: the count is then labelled `estimate`.

use super::estimate::Estimate;
use core::ops::Deref;

#[cfg(any(feature = "cl100k", feature = "o200k"))]
use super::tokenizer::Tokenizer;

/// Where a token count comes from (`token_source` label).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenSource {
    /// The provider's usage report.
    Usage,
    /// Counted exactly with the model's `tiktoken` encoding.
    Tokenizer,
    /// [`super::estimate`], or a tokenizer count that had to cut an oversized piece.
    Estimate,
}

impl TokenSource {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenSource::Usage => "usage",
            TokenSource::Tokenizer => "tokenizer",
            TokenSource::Estimate => "estimate",
        }
    }
}

/// A count and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenCount {
    pub tokens: u64,
    pub source: TokenSource,
}

/// Stand-in when no vocabulary is linked: nothing can be counted exactly.
#[cfg(not(any(feature = "cl100k", feature = "o200k")))]
#[derive(Debug)]
pub enum Tokenizer {}

#[cfg(not(any(feature = "cl100k", feature = "o200k")))]
impl Tokenizer {
    pub fn count(&self, _: &str) -> u64 {
        match *self {}
    }
    pub fn count_settled(&self, _: &str) -> (u64, usize) {
        match *self {}
    }
}

/// The text of one stream, counted lazily.
#[derive(Debug)]
pub struct TextCounter {
    kept: String,
    cap: usize,
    /// Tokens of text already counted and dropped from `kept`.
    counted: u64,
    /// False once an oversized piece was cut or text was dropped without a tokenizer.
    exact: bool,
    /// Text was dropped uncounted (no tokenizer at the cap): the estimate is the answer.
    estimate_only: bool,
    estimate: Estimate,
}

impl TextCounter {
    /// A counter keeping at most `cap` bytes (at least 64) of uncounted text.
    pub fn new(cap: usize) -> TextCounter {
        TextCounter {
            kept: String::new(),
            cap: cap.max(64),
            counted: 0,
            exact: true,
            estimate_only: false,
            estimate: Estimate::default(),
        }
    }

    /// A counter that only estimates (no tokenizer for this stream): keeps no text.
    pub fn estimating() -> TextCounter {
        TextCounter {
            estimate_only: true,
            ..TextCounter::new(0)
        }
    }

    /// Bytes of text currently kept (never more than the cap).
    pub fn kept_bytes(&self) -> usize {
        self.kept.len()
    }

    /// Adds visible text. `tokenizer` is asked for only when the kept text reaches the cap.
    pub fn push<T, F>(&mut self, mut text: &str, tokenizer: F)
    where
        T: Deref<Target = Tokenizer>,
        F: Fn() -> Option<T>,
    {
        self.estimate.push(text);
        if self.estimate_only {
            return;
        }
        while !text.is_empty() {
            let room = self.cap - self.kept.len();
            let mut take = room.min(text.len());
            while !text.is_char_boundary(take) {
                take -= 1;
            }
            if take == 0 {
                // Full (or less room than one character): count what has settled.
                let Some(t) = tokenizer() else {
                    // Nothing can count the kept text: the estimate (kept all along) answers.
                    self.estimate_only = true;
                    self.kept = String::new();
                    return;
                };
                self.settle(&t);
                continue;
            }
            self.kept.push_str(&text[..take]);
            text = &text[take..];
        }
    }

    /// Counts the settled pieces of the kept text; cuts it if nothing settles.
    fn settle(&mut self, t: &Tokenizer) {
        let (tokens, consumed) = t.count_settled(&self.kept);
        if consumed == 0 {
            self.cut(t);
            return;
        }
        self.counted += tokens;
        self.kept.drain(..consumed);
    }

    /// Counts everything kept as if the text ended here (inexact).
    fn cut(&mut self, t: &Tokenizer) {
        self.counted += t.count(&self.kept);
        self.kept.clear();
        self.exact = false;
    }

    /// The count of all text pushed: exact with a tokenizer, else the estimate.
    pub fn finish<T: Deref<Target = Tokenizer>>(&mut self, tokenizer: Option<T>) -> TokenCount {
        match tokenizer {
            Some(t) if !self.estimate_only => {
                let tokens = self.counted + t.count(&self.kept);
                self.kept = String::new();
                TokenCount {
                    tokens,
                    source: if self.exact {
                        TokenSource::Tokenizer
                    } else {
                        TokenSource::Estimate
                    },
                }
            }
            _ => self.estimated(),
        }
    }

    /// The estimate of all text pushed.
    pub fn estimated(&self) -> TokenCount {
        TokenCount {
            tokens: self.estimate.tokens(),
            source: TokenSource::Estimate,
        }
    }
}

#[cfg(test)]
#[cfg(any(feature = "cl100k", feature = "o200k"))]
mod tests {
    use super::*;
    use crate::tokenize::Encoding;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn tokenizer() -> Tokenizer {
        let e = if cfg!(feature = "o200k") {
            Encoding::O200kBase
        } else {
            Encoding::Cl100kBase
        };
        Tokenizer::new(e).unwrap()
    }

    #[test]
    fn any_chunking_and_any_cap_counts_like_the_whole_text() {
        let t = tokenizer();
        let text = "Hello world's  end\n\n  they're 12345 日本語のテキスト 😀👍🏽 don't\t\r\n x   y\u{301}!!";
        let whole = t.count(text);
        let mut rng = crate::testing::Rng::new(11);
        for cap in [64, 70, 100, 1000] {
            for _ in 0..200 {
                let mut c = TextCounter::new(cap);
                let mut rest = text;
                while !rest.is_empty() {
                    let mut n = 1 + rng.below(12) as usize;
                    n = n.min(rest.len());
                    while !rest.is_char_boundary(n) {
                        n += 1;
                    }
                    c.push(&rest[..n], || Some(&t));
                    rest = &rest[n..];
                    assert!(c.kept_bytes() <= cap.max(64));
                }
                assert_eq!(
                    c.finish(Some(&t)),
                    TokenCount {
                        tokens: whole,
                        source: TokenSource::Tokenizer
                    },
                    "cap {cap}"
                );
            }
        }
    }

    #[test]
    fn a_piece_longer_than_the_cap_is_cut_and_labelled_estimate() {
        let t = tokenizer();
        let text = "a".repeat(1000);
        let mut c = TextCounter::new(64);
        c.push(&text, || Some(&t));
        let n = c.finish(Some(&t));
        assert_eq!(n.source, TokenSource::Estimate);
        assert!(n.tokens > 0);
    }

    #[test]
    fn without_a_tokenizer_the_estimate_answers() {
        let mut c = TextCounter::new(64);
        let text = "word ".repeat(100);
        c.push(&text, || None::<&Tokenizer>);
        assert_eq!(c.kept_bytes(), 0);
        assert_eq!(c.finish(None::<&Tokenizer>).source, TokenSource::Estimate);
        assert_eq!(c.finish(None::<&Tokenizer>).tokens, 125);
    }
}
