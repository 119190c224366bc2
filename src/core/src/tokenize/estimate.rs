//! A cheap token estimate that needs no vocabulary: used when the tokenizer is off, not
//! linked, the model's encoding is unknown, or a text is past the counting caps.
//!
//! Rule: one token per 4 ASCII bytes (OpenAI's "1 token ≈ 4 characters of English",
//! help.openai.com "What are tokens and how to count them?") plus one token per non-ASCII
//! character (CJK, Cyrillic, Arabic… are about one token per character in cl100k/o200k).
//! Its error on the recorded corpus is measured in `bench/tokenizer/RESULTS.md`.

/// Running estimate over text pieces: O(1) memory, no allocation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Estimate {
    ascii_bytes: u64,
    other_chars: u64,
}

impl Estimate {
    /// Adds one piece of text.
    pub fn push(&mut self, text: &str) {
        let ascii = text.bytes().filter(u8::is_ascii).count() as u64;
        // Non-ASCII characters = leading bytes that are not ASCII (not 0b10xx_xxxx).
        let other = text
            .bytes()
            .filter(|&b| !b.is_ascii() && (b & 0xC0) != 0x80)
            .count() as u64;
        self.ascii_bytes += ascii;
        self.other_chars += other;
    }

    /// The estimated number of tokens so far.
    pub fn tokens(&self) -> u64 {
        self.ascii_bytes.div_ceil(4) + self.other_chars
    }
}

/// Estimate of one text.
pub fn estimate(text: &str) -> u64 {
    let mut e = Estimate::default();
    e.push(text);
    e.tokens()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn four_ascii_bytes_per_token_and_one_per_other_character() {
        assert_eq!(estimate(""), 0);
        assert_eq!(estimate("abcd"), 1);
        assert_eq!(estimate("abcde"), 2);
        assert_eq!(estimate("日本語"), 3);
        assert_eq!(estimate("héllo"), 2); // 4 ASCII bytes + 1 other character
    }

    #[test]
    fn pieces_add_up_to_the_whole() {
        let mut e = Estimate::default();
        for piece in ["Hel", "lo, 世", "界 and more"] {
            e.push(piece);
        }
        assert_eq!(e.tokens(), estimate("Hello, 世界 and more"));
    }
}
