//! The LLM mode's server-wide defaults and the state its connections share.

use std::path::PathBuf;
use std::sync::atomic::AtomicU64;

/// Largest completion the mock generates, in tokens.
pub const MAX_TOKENS: u32 = 1_000_000;

/// Server-wide defaults (request headers override them).
#[derive(Debug, Clone)]
pub struct MockSettings {
    /// Delay before the first content event, in milliseconds.
    pub ttft_ms: u64,
    /// Delay between content events, in milliseconds.
    pub token_delay_ms: u64,
    /// Completion tokens per response.
    pub tokens: u32,
    /// Whether streams end with a usage chunk (unless the request says otherwise).
    pub usage: bool,
    /// Root of `x-mock-replay` files.
    pub replay_dir: Option<PathBuf>,
}

/// Shared by all connections.
#[derive(Debug)]
pub struct MockState {
    pub settings: MockSettings,
    /// Source of response ids.
    pub next_id: AtomicU64,
}
