//! Criterion microbenchmarks of the core (`cargo bench -p llmtap-core --bench core`):
//! framing and field extraction per wire format over the recorded corpus, the whole
//! per-stream state machine per chunk, and refusal phrase matching.
//! Results and the commands that produced them: `bench/RESULTS.md`.

mod support;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use llmtap_core::refusal::{RefusalConfig, RefusalMatcher};
use std::hint::black_box;
use support::{
    default_plugin, frame_and_decode, frame_only, open_stream, openai_chat_event,
    openai_chat_stream, read_corpus, run_stream, BenchHost, CHAT_REQUEST, FORMAT_SAMPLES,
};

/// Cutting a body into events (SSE, NDJSON, AWS event-stream), one read per file.
fn framing(c: &mut Criterion) {
    let mut group = c.benchmark_group("framing");
    for &(label, file, format, _, content_type) in FORMAT_SAMPLES {
        let Ok(body) = read_corpus(file) else {
            continue;
        };
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(label), &body, |b, body| {
            b.iter(|| frame_only(format, content_type, black_box(body)))
        });
    }
    group.finish();
}

/// Framing plus the format's decoder on every event (extraction = this − framing).
fn extraction(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame_and_extract");
    let mut scratch = Vec::new();
    for &(label, file, format, _, content_type) in FORMAT_SAMPLES {
        let Ok(body) = read_corpus(file) else {
            continue;
        };
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(label), &body, |b, body| {
            b.iter(|| frame_and_decode(format, content_type, black_box(body), &mut scratch))
        });
    }
    group.finish();
}

/// A whole recorded stream through the state machine (headers, body in one read, log).
fn whole_stream(c: &mut Criterion) {
    let mut group = c.benchmark_group("whole_stream");
    let plugin = default_plugin();
    for &(label, file, _, path, content_type) in FORMAT_SAMPLES {
        let Ok(body) = read_corpus(file) else {
            continue;
        };
        let host = BenchHost::new(path, content_type);
        let reads = vec![body];
        group.throughput(Throughput::Bytes(reads[0].len() as u64));
        group.bench_function(BenchmarkId::from_parameter(label), |b| {
            b.iter(|| run_stream(&plugin, &host, CHAT_REQUEST, black_box(&reads)))
        });
    }
    group.finish();
}

/// Steady state: one `on_response_body` call carrying one OpenAI chat event, on a stream
/// that is already open and streaming (what the filter does per chunk).
fn per_chunk(c: &mut Criterion) {
    let mut group = c.benchmark_group("per_chunk");
    let plugin = default_plugin();
    for tokens in [1usize, 64] {
        let host = BenchHost::new("/v1/chat/completions", "text/event-stream");
        let mut stream = open_stream(&plugin, &host, CHAT_REQUEST);
        for read in openai_chat_stream(8, tokens).iter().take(5) {
            stream.on_response_body(&host, read, false);
        }
        let event = openai_chat_event(3, tokens);
        group.throughput(Throughput::Bytes(event.len() as u64));
        group.bench_function(BenchmarkId::new("openai_chat_tokens", tokens), |b| {
            b.iter(|| stream.on_response_body(&host, black_box(&event), false))
        });
    }
    group.finish();
}

/// The streaming refusal scan over answer text in token-sized pieces (4 bytes).
fn refusal_matching(c: &mut Criterion) {
    let mut group = c.benchmark_group("refusal_scan");
    let Ok(matcher) = RefusalMatcher::new(&RefusalConfig::default()) else {
        return;
    };
    let answers = [
        ("compliant", "There are several ways to stop a Python process. On Unix-like systems use kill with the process ID; on Windows taskkill does the same, and psutil offers a portable terminate with a timeout."),
        ("refusal", "I'm sorry, but I can't help with that. Harming another person is illegal and can cause serious injury."),
    ];
    for (label, answer) in answers {
        let pieces: Vec<&str> = answer
            .as_bytes()
            .chunks(4)
            .filter_map(|piece| std::str::from_utf8(piece).ok())
            .collect();
        group.throughput(Throughput::Bytes(answer.len() as u64));
        group.bench_function(BenchmarkId::new("pieces_of_4_bytes", label), |b| {
            b.iter(|| {
                let mut scan = matcher.scan();
                for piece in &pieces {
                    scan.feed(&matcher, black_box(piece));
                }
                scan.finish(&matcher)
            })
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    framing,
    extraction,
    whole_stream,
    per_chunk,
    refusal_matching
);
criterion_main!(benches);
