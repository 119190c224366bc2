//! An exact `tiktoken` token counter for one encoding: pre-tokenize, then merge each piece.

use super::bpe::count_piece;
use super::pretokenize::Pretokenizer;
use super::vocab::{self, Ranks, VocabError};
use super::Encoding;
use core::fmt;

/// Why a tokenizer could not be built.
#[derive(Debug)]
pub enum TokenizerError {
    Vocab(VocabError),
    /// The pre-tokenization pattern did not compile (a bug: the patterns are constants).
    Pattern(String),
}

impl fmt::Display for TokenizerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TokenizerError::Vocab(e) => e.fmt(f),
            TokenizerError::Pattern(e) => write!(f, "pre-tokenization pattern: {e}"),
        }
    }
}

/// Counts tokens of one encoding. Building it decodes the vocabulary: tens of milliseconds
/// natively, about 150 ms in V8; ~4 MB (cl100k) / ~7 MB (o200k) of tables, plus the 1.7 / 3.6
/// MB rank file while it is parsed, which a wasm VM's linear memory keeps (Envoy RSS per mode
/// in `bench/tokenizer/RESULTS.md`).
#[derive(Debug)]
pub struct Tokenizer {
    encoding: Encoding,
    ranks: Ranks,
    pre: Pretokenizer,
}

impl Tokenizer {
    /// Builds the tokenizer of a linked encoding.
    pub fn new(encoding: Encoding) -> Result<Tokenizer, TokenizerError> {
        let ranks = vocab::load(encoding).map_err(TokenizerError::Vocab)?;
        let pre =
            Pretokenizer::new(encoding).map_err(|e| TokenizerError::Pattern(e.to_string()))?;
        Ok(Tokenizer {
            encoding,
            ranks,
            pre,
        })
    }

    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// Tokens of `text`, as `tiktoken`'s `len(encode_ordinary(text))`.
    pub fn count(&self, text: &str) -> u64 {
        self.pre
            .pieces(text)
            .map(|r| count_piece(&self.ranks, text.as_bytes().get(r).unwrap_or_default()) as u64)
            .sum()
    }

    /// Counts the pieces of `text` that more text cannot change (every piece that ends at
    /// least [`super::pretokenize::SETTLE_CHARS`] characters before the end) and returns
    /// (tokens, bytes consumed). The rest must be counted again with what follows.
    pub fn count_settled(&self, text: &str) -> (u64, usize) {
        let limit = text
            .char_indices()
            .rev()
            .nth(super::pretokenize::SETTLE_CHARS - 1)
            .map_or(0, |(i, _)| i);
        let mut tokens = 0;
        let mut consumed = 0;
        for r in self.pre.pieces(text) {
            if r.end > limit {
                break;
            }
            tokens += count_piece(
                &self.ranks,
                text.as_bytes().get(r.clone()).unwrap_or_default(),
            ) as u64;
            consumed = r.end;
        }
        (tokens, consumed)
    }
}
