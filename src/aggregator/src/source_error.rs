//! What can go wrong when a source is read (its own module: both sources return it, and
//! [`crate::source`] dispatches between them).

use crate::store::StoreError;

/// A source that could not answer. The report then carries this error and no verdict.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{origin} is unreachable: {message}")]
    Unreachable { origin: String, message: String },
    #[error("{origin} answered something unusable: {message}")]
    Garbage { origin: String, message: String },
    #[error("{origin} refused the query: {message}")]
    Refused { origin: String, message: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}
