//! Pre-tokenization: the regular expression that cuts text into pieces before byte-pair
//! merging. BPE never merges across pieces, which is what makes a streaming count exact.
//!
//! `tiktoken`'s patterns use a negative look-ahead (`\s+(?!\S)`) that `regex-automata` does
//! not support. Following `bpe-openai` 0.3.2 (github/rust-gems, MIT, `src/lib.rs`), the
//! pattern is split into prioritised patterns and the look-ahead is emulated: pattern 2
//! (`\s+\s`) matches one character too many and that character is dropped from the piece.
//! Pattern strings are theirs; equality with OpenAI's `tiktoken` is tested in
//! `tokenize::oracle_tests` and `tests/integration/test_tokenizer_oracle.py`.

use super::Encoding;
use regex_automata::meta::{BuildError, Regex};
use regex_automata::{Anchored, Input};

/// `cl100k_base`'s pattern without the look-ahead alternative (`tiktoken_ext/openai_public.py`).
const CL100K_MAIN: &str = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+$";

/// `o200k_base`'s pattern without the look-ahead alternative.
const O200K_MAIN: &str = concat!(
    "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
    "|[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
    "|\\p{N}{1,3}",
    "| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*",
    "|\\s*[\\r\\n]+",
    "|\\s+$",
);

/// `\s+(?!\S)` emulated: one look-ahead character, dropped from the piece.
const LOOKAHEAD: &str = "\\s+\\s";
/// The last alternative of both encodings.
const WHITESPACE: &str = "\\s+";

/// Characters after a piece that can still change it when more text arrives: the longest
/// contraction suffix (`'re`, `'ve`, `'ll`) is three characters and the look-ahead one.
pub const SETTLE_CHARS: usize = 4;

/// A compiled pre-tokenizer for one encoding.
#[derive(Debug)]
pub struct Pretokenizer {
    encoding: Encoding,
    regex: Regex,
    /// Decide ASCII pieces with [`super::ascii_pieces`] before asking the regex.
    ascii_fast_path: bool,
}

impl Pretokenizer {
    /// Compiles the encoding's pattern (a few milliseconds; done once per tokenizer).
    #[allow(clippy::result_large_err)] // BuildError is regex-automata's; built once per VM.
    pub fn new(encoding: Encoding) -> Result<Pretokenizer, BuildError> {
        let main = match encoding {
            Encoding::Cl100kBase => CL100K_MAIN,
            Encoding::O200kBase => O200K_MAIN,
        };
        let regex = Regex::new_many(&[main, LOOKAHEAD, WHITESPACE])?;
        Ok(Pretokenizer {
            encoding,
            regex,
            ascii_fast_path: true,
        })
    }

    /// The same pre-tokenizer without the ASCII fast path (tests compare the two).
    #[allow(clippy::result_large_err)]
    pub fn regex_only(encoding: Encoding) -> Result<Pretokenizer, BuildError> {
        Ok(Pretokenizer {
            ascii_fast_path: false,
            ..Pretokenizer::new(encoding)?
        })
    }

    /// Length of the first piece of non-empty `rest`, decided by the regex.
    pub fn regex_piece(&self, rest: &str) -> usize {
        let first_char = rest.chars().next().map_or(rest.len(), char::len_utf8);
        let Some(m) = self.regex.find(Input::new(rest).anchored(Anchored::Yes)) else {
            // Unreachable with these patterns (`\s+` or a non-space class matches any
            // character); take one character rather than loop.
            return first_char;
        };
        let mut end = m.end();
        if m.pattern().as_usize() == 1 {
            // `\s+\s` matches at least two characters, so the piece keeps one.
            end -= rest
                .get(..end)
                .and_then(|p| p.chars().next_back())
                .map_or(0, char::len_utf8);
        }
        if end == 0 {
            first_char
        } else {
            end
        }
    }

    /// The pieces of `text`, in order, as byte ranges. Every byte belongs to one piece.
    pub fn pieces<'a>(&'a self, text: &'a str) -> Pieces<'a> {
        Pieces {
            pre: self,
            text,
            at: 0,
        }
    }
}

/// Iterator over the pieces of a text.
pub struct Pieces<'a> {
    pre: &'a Pretokenizer,
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = core::ops::Range<usize>;

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.text.get(self.at..)?;
        if rest.is_empty() {
            return None;
        }
        let fast = if self.pre.ascii_fast_path {
            super::ascii_pieces::next_piece(self.pre.encoding, rest.as_bytes())
        } else {
            None
        };
        let len = fast.unwrap_or_else(|| self.pre.regex_piece(rest));
        let start = self.at;
        self.at += len;
        Some(start..self.at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn split(e: Encoding, text: &str) -> Vec<String> {
        let pre = Pretokenizer::new(e).unwrap();
        pre.pieces(text).map(|r| text[r].to_owned()).collect()
    }

    #[test]
    fn splits_like_tiktoken() {
        assert_eq!(
            split(Encoding::Cl100kBase, "Hello world's  end\n\n"),
            ["Hello", " world", "'s", " ", " end", "\n\n"]
        );
        assert_eq!(
            split(Encoding::O200kBase, "Hello world's  end"),
            ["Hello", " world's", " ", " end"]
        );
        assert_eq!(split(Encoding::Cl100kBase, "12345"), ["123", "45"]);
    }

    #[test]
    fn pieces_cover_every_byte() {
        let text = "a\u{0301} 日本 \t\r\n x  ";
        for e in Encoding::ALL {
            let joined: String = split(e, text).concat();
            assert_eq!(joined, text);
        }
    }
}
