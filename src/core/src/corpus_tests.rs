//! The recorded streams of `../shared/corpus` (embedded by `build.rs`) against the ground
//! truth of its `manifest.json`: every split point for small files, random splits for all.

use crate::config::Config;
use crate::json::RawStr;
use crate::openai_chat::{self, ChatEvent};
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
    events: u64,
    content_chunks: u64,
    text_chars: u64,
    text: String,
    prompt_tokens: Option<u64>,
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
                events: entry["events"].as_u64().unwrap(),
                content_chunks: entry["content_chunks"].as_u64().unwrap(),
                text_chars: entry["text_chars"].as_u64().unwrap(),
                text: entry["expected_text"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                prompt_tokens: entry["prompt_tokens"].as_u64(),
                completion_tokens: entry["completion_tokens"].as_u64(),
                file,
            },
            bytes,
        ));
    }
    assert!(!out.is_empty(), "no {format} files in the corpus");
    out
}

#[derive(Debug, Default, PartialEq)]
struct Decoded {
    events: u64,
    content_chunks: u64,
    text_chars: u64,
    text: String,
    prompt_tokens: Option<u64>,
    completion_tokens: Option<u64>,
}

fn decode_chat(reads: &[&[u8]]) -> Decoded {
    let mut framer = SseFramer::new(64 * 1024);
    let mut d = Decoded::default();
    let mut on_event = |e: crate::sse::SseEvent<'_>| {
        d.events += 1;
        if let ChatEvent::Chunk(chunk) = openai_chat::parse_event(e.data) {
            if chunk.is_content() {
                d.content_chunks += 1;
                d.text_chars += chunk.text_chars as u64;
                chunk
                    .first_text
                    .unwrap_or(RawStr::default())
                    .decode_into(&mut d.text);
            }
            if let Some(u) = chunk.usage {
                d.prompt_tokens = u.prompt_tokens.or(d.prompt_tokens);
                d.completion_tokens = u.completion_tokens.or(d.completion_tokens);
            }
        }
    };
    for read in reads {
        framer.feed(read, &mut on_event);
    }
    framer.finish(&mut on_event);
    d
}

fn check(exp: &Expected, got: &Decoded, how: &str) {
    let want = Decoded {
        events: exp.events,
        content_chunks: exp.content_chunks,
        text_chars: exp.text_chars,
        text: exp.text.clone(),
        prompt_tokens: exp.prompt_tokens,
        completion_tokens: exp.completion_tokens,
    };
    assert_eq!(got, &want, "{} ({how})", exp.file);
}

#[test]
fn openai_chat_streams_decode_to_the_manifest_in_one_read() {
    for (exp, bytes) in expected("openai-chat-sse") {
        check(&exp, &decode_chat(&[bytes]), "one read");
    }
}

#[test]
fn openai_chat_streams_decode_the_same_at_every_split_point() {
    for (exp, bytes) in expected("openai-chat-sse") {
        for split in 0..=bytes.len() {
            let (a, b) = bytes.split_at(split);
            check(&exp, &decode_chat(&[a, b]), &format!("split at {split}"));
        }
    }
}

#[test]
fn openai_chat_streams_decode_the_same_under_random_splits() {
    let mut rng = Rng::new(42);
    for (exp, bytes) in expected("openai-chat-sse") {
        for _ in 0..100 {
            let parts = random_splits(bytes, &mut rng, 64);
            check(&exp, &decode_chat(&parts), "random splits");
        }
        let bytewise: Vec<&[u8]> = bytes.chunks(1).collect();
        check(&exp, &decode_chat(&bytewise), "one byte per read");
    }
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
                    let _ = openai_chat::parse_event(e.data);
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
