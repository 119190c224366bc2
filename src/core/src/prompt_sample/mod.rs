//! Prompt sampling (off by default): a fraction of requests, chosen from a hash of the
//! request id ([`decision`]), has its prompt text read from the request body
//! ([`crate::request::prompt_text`]), redacted ([`redact`]) and cut to `max_prompt_bytes`,
//! and queued in a bounded per-VM queue ([`queue`]). The root context sends the queue in
//! NDJSON batches to the aggregator on its tick, one batch in flight at a time; nothing
//! happens on a request's path but the decision and, for a sampled request, the queueing.
//!
//! What leaves the proxy and how the aggregator answers: docs/prompt-sampling.md. Every
//! sample ends counted once in `llm_prompt_samples_total{result}`: `sent` when the
//! aggregator answered 2xx, `dropped` when the queue was full, the call could not be
//! dispatched, or it failed (non-2xx, reset, timeout).

pub mod config;
pub mod decision;
pub mod queue;
pub mod redact;

use crate::host::Host;
use crate::request::prompt_text::{prompt_text, truncate_utf8};
use config::PromptSamplingConfig;
use queue::{PendingSample, SampleQueue};
use redact::{Redactor, PLACEHOLDERS};
use std::cell::{Cell, RefCell};

/// Extra prompt bytes read past `max_prompt_bytes` before redaction, so that a secret or
/// number that straddles the cut is still recognised whole (and replaced) before the cut.
pub const REDACTION_MARGIN_BYTES: usize = 256;

/// Request header that identifies a request across retries and proxies (Envoy sets it
/// when absent, unless `generate_request_id` is off).
pub const REQUEST_ID_HEADER: &str = "x-request-id";
/// W3C Trace Context header, the fallback identity (its trace id).
pub const TRACEPARENT_HEADER: &str = "traceparent";

/// How a sample's journey ended, for `llm_prompt_samples_total{result}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Settled {
    /// Samples the aggregator accepted (2xx).
    pub sent: u64,
    /// Samples lost: queue full, dispatch refused, non-2xx, timeout.
    pub dropped: u64,
}

/// What happened to one sampled request's prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Queued {
    /// Waiting for the next batch.
    Queued,
    /// The queue was full: dropped.
    Dropped,
    /// The body had no prompt text: nothing to sample.
    NoText,
}

/// A batch ready to send: the NDJSON body and how many samples it carries.
#[derive(Debug)]
pub struct Batch {
    pub body: Vec<u8>,
    pub samples: u64,
}

/// The batch on the wire.
#[derive(Clone, Copy, Debug)]
struct InFlight {
    token: u32,
    samples: u64,
    /// After this (µs, host clock) the batch is given up even if Envoy never answers.
    give_up_at_us: u64,
}

#[derive(Debug)]
struct State {
    queue: SampleQueue,
    in_flight: Option<InFlight>,
}

/// The VM's prompt sampler: configuration, redactor, queue and the batch in flight.
#[derive(Debug)]
pub struct PromptSampler {
    config: PromptSamplingConfig,
    redactor: Redactor,
    authorization: String,
    state: RefCell<State>,
    /// Requests seen without an id (their decision uses this counter instead).
    anonymous: Cell<u64>,
}

impl PromptSampler {
    /// Builds the sampler of a validated configuration (compiles the redactor).
    pub fn new(config: PromptSamplingConfig) -> Result<PromptSampler, String> {
        let redactor = Redactor::new()?;
        Ok(PromptSampler {
            authorization: format!("Bearer {}", config.token),
            state: RefCell::new(State {
                queue: SampleQueue::new(config.max_queued_samples),
                in_flight: None,
            }),
            redactor,
            config,
            anonymous: Cell::new(0),
        })
    }

    pub fn config(&self) -> &PromptSamplingConfig {
        &self.config
    }

    /// Whether the current request is sampled: [`decision::sampled`] of its `x-request-id`,
    /// else of the trace id in `traceparent`; a request with neither is decided from a
    /// per-VM counter (sampled at the same rate, but replicas cannot agree on it).
    pub fn decide(&self, host: &dyn Host) -> bool {
        let rate = self.config.rate;
        if rate <= 0.0 {
            return false;
        }
        if let Some(id) = host.request_header(REQUEST_ID_HEADER) {
            return decision::sampled(id.as_bytes(), rate);
        }
        if let Some(trace_id) = host
            .request_header(TRACEPARENT_HEADER)
            .and_then(|t| t.split('-').nth(1).map(str::to_owned))
        {
            return decision::sampled(trace_id.as_bytes(), rate);
        }
        let n = self.anonymous.get().wrapping_add(1);
        self.anonymous.set(n);
        decision::fraction(decision::fmix64(n)) < rate
    }

    /// The sample of one request: its prompt text read from the captured body (`body_cut`:
    /// the capture hit its cap), redacted, cut to `max_prompt_bytes`; then queued.
    pub fn sample(
        &self,
        body: &[u8],
        body_cut: bool,
        model: &str,
        provider: &str,
        at_us: u64,
    ) -> Queued {
        let Some((prompt, truncated)) = self.prepare(body) else {
            return Queued::NoText;
        };
        let sample = PendingSample {
            prompt,
            model: model.to_owned(),
            provider: provider.to_owned(),
            truncated: truncated || body_cut,
            at_us,
        };
        match self.state.try_borrow_mut() {
            Ok(mut state) => match state.queue.push(sample) {
                Ok(()) => Queued::Queued,
                Err(_) => Queued::Dropped,
            },
            Err(_) => Queued::Dropped,
        }
    }

    /// The redacted, truncated prompt text of `body` and whether it was cut (`None`: no text).
    pub fn prepare(&self, body: &[u8]) -> Option<(String, bool)> {
        let max = self.config.max_prompt_bytes;
        let (raw, raw_cut) = prompt_text(body, max + REDACTION_MARGIN_BYTES);
        if raw.trim().is_empty() {
            return None;
        }
        let mut redacted = self.redactor.redact(&raw);
        let cut = raw_cut || redacted.len() > max;
        let kept = cut_outside_placeholders(&redacted, max).len();
        redacted.truncate(kept);
        Some((redacted, cut))
    }

    /// Samples waiting in the queue.
    pub fn queued(&self) -> usize {
        self.state.try_borrow().map_or(0, |s| s.queue.len())
    }

    /// The request headers of a batch call.
    pub fn headers(&self) -> [(&str, &str); 5] {
        [
            (":method", "POST"),
            (":path", &self.config.path),
            (":authority", self.config.authority()),
            ("authorization", &self.authorization),
            ("content-type", "application/x-ndjson"),
        ]
    }

    /// One tick: gives up a batch whose answer is overdue, then, when no batch is in flight
    /// and samples wait, hands the next batch to `dispatch(cluster, headers, body, timeout_ms)`,
    /// which returns the call's token or an error. Returns what settled on this tick.
    pub fn flush(
        &self,
        now_us: u64,
        unix_ms: u64,
        dispatch: impl FnOnce(&str, &[(&str, &str)], &[u8], u64) -> Result<u32, ()>,
    ) -> Settled {
        let mut settled = Settled::default();
        let batch = {
            let Ok(mut state) = self.state.try_borrow_mut() else {
                return settled;
            };
            if let Some(flight) = state.in_flight {
                if now_us < flight.give_up_at_us {
                    return settled;
                }
                state.in_flight = None;
                settled.dropped += flight.samples;
            }
            if state.queue.is_empty() {
                return settled;
            }
            let mut body = Vec::new();
            let samples = state.queue.take_batch(
                self.config.max_batch_samples,
                self.config.max_batch_bytes,
                now_us,
                unix_ms,
                &mut body,
            ) as u64;
            Batch { body, samples }
        };
        let timeout_ms = self.config.timeout_ms as u64;
        match dispatch(
            &self.config.cluster,
            &self.headers(),
            &batch.body,
            timeout_ms,
        ) {
            Ok(token) => {
                if let Ok(mut state) = self.state.try_borrow_mut() {
                    // Envoy answers every dispatched call (a timeout is an answer without
                    // headers); the give-up time only guards against one that never comes.
                    let slack_us = (timeout_ms + 2 * self.config.flush_interval_ms as u64) * 1000;
                    state.in_flight = Some(InFlight {
                        token,
                        samples: batch.samples,
                        give_up_at_us: now_us.saturating_add(slack_us),
                    });
                }
            }
            Err(()) => settled.dropped += batch.samples,
        }
        settled
    }

    /// The answer to a batch call: `status` is the `:status` (`None`: no answer — reset,
    /// timeout, no healthy upstream). An answer to anything but the batch in flight (one
    /// already given up) settles nothing.
    pub fn on_response(&self, token: u32, status: Option<u16>) -> Settled {
        let Ok(mut state) = self.state.try_borrow_mut() else {
            return Settled::default();
        };
        match state.in_flight {
            Some(flight) if flight.token == token => {
                state.in_flight = None;
                if status.is_some_and(|s| (200..300).contains(&s)) {
                    Settled {
                        sent: flight.samples,
                        dropped: 0,
                    }
                } else {
                    Settled {
                        sent: 0,
                        dropped: flight.samples,
                    }
                }
            }
            _ => Settled::default(),
        }
    }
}

impl PromptSampler {
    /// Gives up everything queued or in flight (the configuration is being replaced): all of
    /// it counts as dropped, and a late answer to the batch in flight settles nothing.
    pub fn abandon(&self) -> Settled {
        let Ok(mut state) = self.state.try_borrow_mut() else {
            return Settled::default();
        };
        let in_flight = state.in_flight.take().map_or(0, |f| f.samples);
        let queued = state.queue.clear() as u64;
        Settled {
            sent: 0,
            dropped: in_flight + queued,
        }
    }
}

/// The longest prefix of `text` of at most `max` bytes that ends at a character boundary
/// and does not cut a placeholder (`<ema`) in half.
fn cut_outside_placeholders(text: &str, max: usize) -> &str {
    let kept = truncate_utf8(text, max);
    if kept.len() == text.len() {
        return kept;
    }
    if let Some(open) = kept.rfind('<') {
        let rest = text.get(open..).unwrap_or_default();
        let straddles = PLACEHOLDERS
            .iter()
            .any(|p| rest.starts_with(p) && open + p.len() > kept.len());
        if straddles {
            return text.get(..open).unwrap_or_default();
        }
    }
    kept
}

#[cfg(test)]
mod tests;
