//! Token counting when the provider reports no usage.
//!
//! - [`encoding`]: the two OpenAI encodings, the model → encoding map, what is linked in;
//! - [`estimate`]: a cheap streaming approximation (no vocabulary);
//! - [`pretokenize`], [`bpe`], [`vocab`], [`tokenizer`]: an exact `tiktoken`-compatible counter
//!   (compiled only with the cargo features `cl100k` / `o200k`);
//! - [`counter`]: counts a stream's text with bounded memory, exactly as `tiktoken` counts the
//!   whole text.
//!
//! Exactness is tested against `tiktoken-rs` here and OpenAI's `tiktoken` in `tests/tokenizer`.

pub mod counter;
pub mod encoding;
pub mod estimate;

#[cfg(any(feature = "cl100k", feature = "o200k"))]
pub mod bpe;
#[cfg(any(feature = "cl100k", feature = "o200k"))]
pub mod pretokenize;
#[cfg(any(feature = "cl100k", feature = "o200k"))]
pub mod tokenizer;
#[cfg(any(feature = "cl100k", feature = "o200k"))]
pub mod vocab;

#[cfg(all(test, feature = "cl100k", feature = "o200k"))]
mod oracle_tests;

pub use counter::{TextCounter, TokenCount, TokenSource};
pub use encoding::Encoding;
