//! Token counting when the provider reports no usage.
//!
//! - [`encoding`]: the two OpenAI encodings, the model → encoding map, what is linked in;
//! - [`estimate`]: a cheap streaming approximation (no vocabulary);
//! - [`pretokenize`], [`bpe`], [`rank_table`], [`vocab`], [`tokenizer`]: an exact `tiktoken`-compatible counter
//!   (compiled only with the cargo features `cl100k` / `o200k`);
//! - [`counter`]: counts a stream's text with bounded memory, exactly as `tiktoken` counts the
//!   whole text.
//!
//! Exactness is tested against `tiktoken-rs` here and OpenAI's `tiktoken` in `tests/integration/test_tokenizer_oracle.py`.

pub mod config;
pub mod counter;
pub mod encoding;
pub mod estimate;
pub mod prompt;

#[cfg(any(feature = "cl100k", feature = "o200k"))]
pub mod ascii_pieces;
#[cfg(any(feature = "cl100k", feature = "o200k"))]
pub mod bpe;
#[cfg(any(feature = "cl100k", feature = "o200k"))]
pub mod pretokenize;
#[cfg(any(feature = "cl100k", feature = "o200k"))]
pub mod rank_table;
#[cfg(any(feature = "cl100k", feature = "o200k"))]
pub mod tokenizer;
#[cfg(any(feature = "cl100k", feature = "o200k"))]
pub mod vocab;

#[cfg(test)]
#[cfg(all(feature = "cl100k", feature = "o200k"))]
mod oracle_tests;
#[cfg(test)]
#[cfg(all(feature = "cl100k", feature = "o200k"))]
mod stream_tests;

pub use config::TokenizerConfig;

#[cfg(not(any(feature = "cl100k", feature = "o200k")))]
pub use counter::Tokenizer;
#[cfg(any(feature = "cl100k", feature = "o200k"))]
pub use tokenizer::Tokenizer;

/// Builds the tokenizer of an encoding; an error when its vocabulary is not linked.
pub fn build(encoding: Encoding) -> Result<Tokenizer, String> {
    #[cfg(any(feature = "cl100k", feature = "o200k"))]
    {
        Tokenizer::new(encoding).map_err(|e| e.to_string())
    }
    #[cfg(not(any(feature = "cl100k", feature = "o200k")))]
    {
        Err(format!(
            "encoding {encoding} is not linked into this module (use llmtap-tokenizer.wasm)"
        ))
    }
}
pub use counter::{TextCounter, TokenCount, TokenSource};
pub use encoding::Encoding;
