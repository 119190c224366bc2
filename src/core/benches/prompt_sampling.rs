//! Prompt sampling's cost (`cargo bench -p llmtap-core --bench prompt_sampling`): the
//! per-request decision (all an unsampled request pays: one header read and one hash), the
//! prompt preparation of a sampled request (text extraction, redaction, truncation), and the
//! NDJSON encoding of a batch.

use criterion::{criterion_group, criterion_main, Criterion};
use llmtap_core::host::{Host, LogLevel, MetricDefinitionFailed, MetricKind};
use llmtap_core::prompt_sample::config::PromptSamplingConfig;
use llmtap_core::prompt_sample::decision;
use llmtap_core::prompt_sample::queue::{PendingSample, SampleQueue};
use llmtap_core::prompt_sample::PromptSampler;
use std::hint::black_box;
use std::time::Duration;

/// A request id that is not sampled at 2 % (its hash fraction is 0.59).
const UNSAMPLED_ID: &str = "3f1c2a9e-6a4b-4c53-9a55-0d9f0cf1b8a2";

/// A host that answers `x-request-id` like Envoy (an owned copy of the value).
struct IdHost;

impl Host for IdHost {
    fn now_micros(&self) -> u64 {
        0
    }
    fn define_metric(&self, _: MetricKind, _: &str) -> Result<u32, MetricDefinitionFailed> {
        Ok(0)
    }
    fn increment_metric(&self, _: u32, _: i64) {}
    fn record_metric(&self, _: u32, _: u64) {}
    fn log(&self, _: LogLevel, _: &str) {}
    fn request_header(&self, name: &str) -> Option<String> {
        (name == "x-request-id").then(|| UNSAMPLED_ID.to_owned())
    }
    fn response_header(&self, _: &str) -> Option<String> {
        None
    }
    fn property(&self, _: &[&str]) -> Option<Vec<u8>> {
        None
    }
    fn set_attribute(&self, _: &str, _: &[u8]) {}
}

fn sampler() -> Result<PromptSampler, String> {
    let config: PromptSamplingConfig = serde_json::from_str(
        r#"{"rate":0.02,"cluster":"llmtap_aggregator","token":"t","max_prompt_bytes":2048}"#,
    )
    .map_err(|e| e.to_string())?;
    PromptSampler::new(config)
}

/// A chat request whose prompt is ~3 KiB of prose with an e-mail, a card, a phone number and
/// a key in it (longer than the 2 KiB cap).
fn chat_body() -> Vec<u8> {
    let sentence =
        "How do I configure a reverse proxy to stream server-sent events without buffering them? ";
    let mut prompt = sentence.repeat(30);
    prompt.insert_str(
        500,
        " mail me at jane.doe@example.com or +1 (415) 555-2671 ",
    );
    prompt.insert_str(
        1200,
        " my card is 4111 1111 1111 1111 and key sk-proj-Abc123def456GHI789 ",
    );
    serde_json::to_vec(&serde_json::json!({
        "model": "gpt-4o",
        "stream": true,
        "messages": [
            {"role": "system", "content": "You are a helpful assistant."},
            {"role": "user", "content": prompt},
        ],
    }))
    .unwrap_or_default()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("prompt_sampling");
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    let s = match sampler() {
        Ok(s) => s,
        Err(e) => return eprintln!("prompt_sampling bench: no sampler: {e}"),
    };
    let host = IdHost;
    if s.decide(&host) {
        return eprintln!("prompt_sampling bench: the bench id must be unsampled");
    }
    group.bench_function("unsampled_request_decision", |b| {
        b.iter(|| black_box(s.decide(black_box(&host))))
    });
    group.bench_function("hash_only", |b| {
        b.iter(|| black_box(decision::sampled(black_box(UNSAMPLED_ID.as_bytes()), 0.02)))
    });
    let body = chat_body();
    group.bench_function("sampled_request_prepare_3KiB_prompt", |b| {
        b.iter(|| black_box(s.prepare(black_box(&body))))
    });
    let Some((prompt, truncated)) = s.prepare(&body) else {
        return eprintln!("prompt_sampling bench: the body has no prompt");
    };
    group.bench_function("encode_batch_of_100", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            let mut q = SampleQueue::new(100);
            for _ in 0..100 {
                let _ = q.push(PendingSample {
                    prompt: prompt.clone(),
                    model: "gpt-4o".to_owned(),
                    provider: "openai".to_owned(),
                    truncated,
                    at_us: 0,
                });
            }
            black_box(q.take_batch(100, 1 << 20, 0, 1_733_350_000_000, &mut out))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
