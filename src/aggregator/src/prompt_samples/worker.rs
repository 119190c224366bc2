//! The embedding worker: a thread of its own (the forward pass is CPU-bound and must not stall
//! the HTTP runtime), fed by a bounded queue; each batch's sums go to the store in one
//! transaction and to the `/metrics` counters.

use super::series::SplitSums;
use super::wire::{model_of, PromptSample};
use super::{Counters, StoreTarget, MAX_MODELS};
use crate::embedding::SentenceEncoder;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

/// Prompts per forward pass (padded to the longest; 16 keeps the padding waste low while the
/// matrix products stay large).
pub const FORWARD_BATCH: usize = 16;

/// Starts the worker; the returned sender is its queue ([`super::QUEUE_BATCHES`] batches).
pub fn spawn_worker(
    encoder: SentenceEncoder,
    counters: Arc<Mutex<Counters>>,
    store: Option<StoreTarget>,
) -> tokio::sync::mpsc::Sender<Vec<PromptSample>> {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Vec<PromptSample>>(super::QUEUE_BATCHES);
    let spawned = std::thread::Builder::new()
        .name("llmtap-embed".to_owned())
        .spawn(move || {
            while let Some(batch) = rx.blocking_recv() {
                embed_batch(&encoder, &batch, &counters, store.as_ref());
            }
        });
    if let Err(e) = spawned {
        eprintln!("llmtap aggregate: cannot start the embedding thread: {e}");
    }
    tx
}

/// The model label a sample is counted under: its own among the first [`MAX_MODELS`] seen,
/// else `other`.
fn label(model: &str, known: &BTreeSet<String>) -> String {
    if known.contains(model) || known.len() < MAX_MODELS {
        model.to_owned()
    } else {
        "other".to_owned()
    }
}

/// Embeds one batch and adds its sums.
pub fn embed_batch(
    encoder: &SentenceEncoder,
    batch: &[PromptSample],
    counters: &Mutex<Counters>,
    store: Option<&StoreTarget>,
) {
    let mut sums: BTreeMap<String, SplitSums> = BTreeMap::new();
    let mut failed = 0u64;
    let known: BTreeSet<String> = counters
        .lock()
        .map(|c| c.sums.keys().cloned().collect())
        .unwrap_or_default();
    for chunk in batch.chunks(FORWARD_BATCH) {
        let texts: Vec<&str> = chunk.iter().map(|s| s.prompt.as_str()).collect();
        match encoder.embed(&texts) {
            Ok(vectors) => {
                for (sample, v) in chunk.iter().zip(&vectors) {
                    sums.entry(label(model_of(sample), &known))
                        .or_default()
                        .add(v);
                }
            }
            Err(e) => {
                failed += chunk.len() as u64;
                eprintln!(
                    "llmtap aggregate: embedding {} prompt(s) failed: {e}",
                    chunk.len()
                );
            }
        }
    }
    if let Some(target) = store {
        let now = crate::clock::unix_now();
        let increments: Vec<_> = sums.iter().flat_map(|(m, s)| s.series(m)).collect();
        let result = target.store.blocking_lock().add_increments(
            &increments,
            now,
            target.step,
            now.saturating_sub(target.history),
        );
        if let Err(e) = result {
            eprintln!("llmtap aggregate: storing prompt embedding sums failed: {e}");
        }
    }
    if let Ok(mut c) = counters.lock() {
        c.embedding_failures += failed;
        for (model, s) in sums {
            c.embedded += s.count as u64;
            c.sums.entry(model).or_default().merge(&s);
        }
    }
}
