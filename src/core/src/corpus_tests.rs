//! The recorded streams of `../shared/corpus` (embedded by `build.rs`) against the ground
//! truth of its `manifest.json`: every split point for small files, random splits for all.

use crate::config::Config;
use crate::formats::{self, WireFormat};
use crate::sse::SseFramer;
use crate::stream::Plugin;
use crate::stream_tests::run_stream;
use crate::testing::{random_splits, RecordingHost, Rng};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod corpus {
    include!(concat!(env!("OUT_DIR"), "/corpus.rs"));
}

struct Expected {
    file: String,
    content_chunks: u64,
    completion_tokens: Option<u64>,
}

fn expected(format: &str) -> Vec<(Expected, &'static [u8])> {
    assert!(
        !corpus::MANIFEST.is_empty(),
        "corpus not found at {} (set LLMTAP_CORPUS)",
        corpus::LOCATION
    );
    let manifest: serde_json::Value = serde_json::from_str(corpus::MANIFEST).unwrap();
    let mut out = Vec::new();
    for entry in manifest["entries"].as_array().unwrap() {
        if entry["format"] != format {
            continue;
        }
        let file = entry["file"].as_str().unwrap().to_owned();
        let bytes = corpus::FILES
            .iter()
            .find(|(name, _)| *name == file)
            .map(|(_, b)| *b)
            .unwrap();
        out.push((
            Expected {
                content_chunks: entry["content_chunks"].as_u64().unwrap(),
                completion_tokens: entry["completion_tokens"].as_u64(),
                file,
            },
            bytes,
        ));
    }
    assert!(!out.is_empty(), "no {format} files in the corpus");
    out
}

#[test]
fn every_corpus_file_is_embedded_and_random_mutations_never_break_the_framer() {
    assert!(corpus::FILES.len() >= 65, "{} files", corpus::FILES.len());
    let mut rng = Rng::new(5);
    for (_, bytes) in corpus::FILES {
        for _ in 0..5 {
            let mut mutated = bytes.to_vec();
            for _ in 0..1 + rng.below(20) {
                if mutated.is_empty() {
                    break;
                }
                let at = rng.below(mutated.len() as u64) as usize;
                mutated[at] = rng.next() as u8;
            }
            let mut framer = SseFramer::new(1024);
            for part in random_splits(&mutated, &mut rng, 16) {
                framer.feed(part, &mut |e| {
                    let _ = formats::decode_event(
                        WireFormat::OpenAiChat,
                        e.name,
                        e.data,
                        &mut Vec::new(),
                    );
                });
                assert!(framer.buffered_bytes() <= 1024 + crate::sse::MAX_EVENT_NAME_BYTES);
            }
            framer.finish(&mut |_| {});
        }
    }
}

#[test]
fn streams_record_the_manifest_counts_once_each() {
    let plugin = Plugin::new(Config::default());
    let host = RecordingHost::default();
    let mut streams = 0;
    let mut want_output = 0;
    let mut want_gaps = 0;
    let mut want_ttft = 0;
    for (exp, bytes) in expected("openai-chat-sse") {
        let reads: Vec<&[u8]> = bytes.split_inclusive(|b| *b == b'\n').collect();
        let stream = run_stream(
            &host,
            &plugin,
            br#"{"model":"gpt-4o","stream":true}"#,
            &reads,
        );
        let summary = stream.summary().unwrap();
        assert_eq!(summary.content_events, exp.content_chunks, "{}", exp.file);
        assert_eq!(summary.usage.output, exp.completion_tokens, "{}", exp.file);
        streams += 1;
        want_output += exp.completion_tokens.unwrap_or(0) as i64;
        want_gaps += exp.content_chunks.saturating_sub(1) as usize;
        want_ttft += usize::from(exp.content_chunks > 0);
    }
    assert_eq!(host.counter("llm_requests_total"), streams);
    assert_eq!(host.counter("llm_tokens_total.gen_ai_request_model=.=gpt-4o;.;gen_ai_provider_name=.=openai;.;gen_ai_operation_name=.=chat;.;gen_ai_token_type=.=output;.;"), want_output);
    assert_eq!(
        host.histogram("llm_inter_chunk_gap_microseconds").len(),
        want_gaps
    );
    assert_eq!(
        host.histogram("llm_time_to_first_token_milliseconds").len(),
        want_ttft
    );
    assert_eq!(
        host.histogram("llm_request_duration_milliseconds").len(),
        streams as usize
    );
}
