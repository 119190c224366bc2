//! Every recorded stream of `../shared/corpus` (embedded by `build.rs`), through its framer
//! and its format's decoder, against the ground truth of `manifest.json`: in one read, at
//! every split point (files up to 16 KiB) or random splits (larger files), and one byte per
//! read. Also: Bedrock CRCs, and random mutations never panic nor grow buffers past caps.

use super::{decode_aws_frame, decode_event_with_text, framing, Framing, UsageReport, WireFormat};
use crate::framing::aws_eventstream::{AwsEventStreamFramer, AwsFrame};
use crate::framing::ndjson::NdjsonFramer;
use crate::framing::sse::{SseFramer, MAX_BUFFERED_OVER_CAP};
use crate::testing::{random_splits, Rng};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod corpus {
    include!(concat!(env!("OUT_DIR"), "/corpus.rs"));
}

const CAP: usize = 64 * 1024;
const EVERY_SPLIT_UP_TO: usize = 16 * 1024;

#[derive(Clone, Debug, Default, PartialEq)]
struct Measured {
    events: u64,
    content_chunks: u64,
    text_chars: u64,
    text: String,
    reasoning_chars: u64,
    tool_calls: u64,
    prompt_tokens: Option<u64>,
    completion_tokens: Option<u64>,
    finish_reason: Option<String>,
    refusal: bool,
    errors: bool,
    /// Events that did not decode (none expected in the corpus).
    malformed: u64,
}

struct Case {
    file: String,
    format: WireFormat,
    framing: Framing,
    bytes: &'static [u8],
    want: Measured,
}

/// The decoder and framing for a manifest entry: by folder, then by the `mode=` / invoke
/// features (TGI Messages-API streams are OpenAI chat; Bedrock invoke streams are marked).
fn format_of(entry: &serde_json::Value) -> (WireFormat, Framing) {
    let features: Vec<&str> = entry["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    let format = match entry["format"].as_str().unwrap() {
        "openai-chat-sse" | "vllm-sse" => WireFormat::OpenAiChat,
        "openai-completions-sse" => WireFormat::OpenAiCompletions,
        "openai-responses-sse" => WireFormat::OpenAiResponses,
        "anthropic-messages-sse" => WireFormat::AnthropicMessages,
        "gemini-sse" => WireFormat::Gemini,
        "ollama-ndjson" => WireFormat::Ollama,
        "tgi-sse" if features.contains(&"mode=messages") => WireFormat::OpenAiChat,
        "tgi-sse" => WireFormat::TgiGenerate,
        "bedrock-eventstream" if features.iter().any(|f| f.starts_with("invoke")) => {
            WireFormat::BedrockInvoke
        }
        "bedrock-eventstream" => WireFormat::BedrockConverse,
        other => panic!("unknown corpus format {other}"),
    };
    let content_type = match entry["format"].as_str().unwrap() {
        "ollama-ndjson" => "application/x-ndjson",
        "bedrock-eventstream" => "application/vnd.amazon.eventstream",
        _ => "text/event-stream",
    };
    (format, framing(format, Some(content_type)))
}

fn cases(folder: &str) -> Vec<Case> {
    assert!(
        !corpus::MANIFEST.is_empty(),
        "corpus not found at {} (set LLMTAP_CORPUS)",
        corpus::LOCATION
    );
    let manifest: serde_json::Value = serde_json::from_str(corpus::MANIFEST).unwrap();
    let mut out = Vec::new();
    for entry in manifest["entries"].as_array().unwrap() {
        if entry["format"] != folder {
            continue;
        }
        let file = entry["file"].as_str().unwrap().to_owned();
        let bytes = corpus::FILES
            .iter()
            .find(|(name, _)| *name == file)
            .map(|(_, b)| *b)
            .unwrap();
        let (format, framing) = format_of(entry);
        let want = Measured {
            events: entry["events"].as_u64().unwrap(),
            content_chunks: entry["content_chunks"].as_u64().unwrap(),
            text_chars: entry["text_chars"].as_u64().unwrap(),
            text: entry["expected_text"].as_str().unwrap().to_owned(),
            reasoning_chars: entry["reasoning_chars"].as_u64().unwrap(),
            tool_calls: entry["tool_calls"].as_u64().unwrap(),
            prompt_tokens: entry["prompt_tokens"].as_u64(),
            completion_tokens: entry["completion_tokens"].as_u64(),
            finish_reason: entry["finish_reason"].as_str().map(str::to_owned),
            refusal: entry["refusal"].as_bool().unwrap(),
            errors: !entry["errors"].as_array().unwrap().is_empty(),
            malformed: 0,
        };
        assert_eq!(
            want.text.chars().count() as u64,
            want.text_chars,
            "{file}: manifest text"
        );
        out.push(Case {
            file,
            format,
            framing,
            bytes,
            want,
        });
    }
    assert!(!out.is_empty(), "no {folder} files in the corpus");
    out
}

/// Decodes one event into the running measurement.
fn measure_event(
    m: &mut Measured,
    usage: &mut UsageReport,
    piece: &mut String,
    format: WireFormat,
    event: Event<'_>,
    scratch: &mut Vec<u8>,
) {
    m.events += 1;
    piece.clear();
    let mut pieces = 0usize;
    let mut first = None;
    let mut on_text = |t: crate::decode::json::RawStr<'_>| {
        pieces += 1;
        if first.is_none() {
            first = Some(t.0.to_vec());
        }
        t.decode_into(piece);
    };
    let decoded = match event {
        Event::Data { name, data } => {
            decode_event_with_text(format, name, data, scratch, &mut on_text)
        }
        Event::Frame(frame) => decode_aws_frame(format, &frame, scratch, &mut on_text),
    };
    let facts = match decoded {
        Ok(facts) => facts,
        Err(_) => {
            m.malformed += 1;
            return;
        }
    };
    // The facts agree with the pieces handed out.
    assert_eq!(facts.text_chars, piece.chars().count());
    assert_eq!(facts.text.map(|t| t.0.to_vec()), first);
    assert_eq!(facts.is_content(), pieces > 0);
    if facts.is_content() {
        m.content_chunks += 1;
        m.text_chars += facts.text_chars as u64;
        m.text.push_str(piece);
    }
    m.reasoning_chars += facts.reasoning_chars as u64;
    m.tool_calls += u64::from(facts.tool_calls_started);
    if let Some(u) = &facts.usage {
        usage.merge(u);
    }
    if let Some(reason) = facts.finish_reason {
        let mut s = String::new();
        reason.decode_into(&mut s);
        m.finish_reason = Some(s);
    }
    m.refusal |= facts.refusal.is_some();
    m.errors |= facts.error;
}

#[derive(Clone, Copy)]
enum Event<'a> {
    Data { name: &'a [u8], data: &'a [u8] },
    Frame(AwsFrame<'a>),
}

/// Frames and decodes a whole stream given as reads.
fn measure(case: &Case, reads: &[&[u8]]) -> Measured {
    let mut m = Measured::default();
    let mut usage = UsageReport::default();
    let mut piece = String::new();
    let mut scratch = Vec::new();
    let format = case.format;
    let mut on_event =
        |e: Event<'_>| measure_event(&mut m, &mut usage, &mut piece, format, e, &mut scratch);
    match case.framing {
        Framing::Sse => {
            let mut framer = SseFramer::new(CAP);
            let mut cb = |e: crate::framing::sse::SseEvent<'_>| {
                on_event(Event::Data {
                    name: e.name,
                    data: e.data,
                })
            };
            for read in reads {
                framer.feed(read, &mut cb);
            }
            framer.finish(&mut cb);
        }
        Framing::Ndjson => {
            let mut framer = NdjsonFramer::new(CAP);
            let mut cb = |line: &[u8]| {
                on_event(Event::Data {
                    name: b"",
                    data: line,
                })
            };
            for read in reads {
                framer.feed(read, &mut cb);
            }
            framer.finish(&mut cb);
        }
        Framing::AwsEventStream => {
            let mut framer = AwsEventStreamFramer::new(CAP);
            let mut cb = |f: AwsFrame<'_>| on_event(Event::Frame(f));
            for read in reads {
                framer.feed(read, &mut cb);
            }
            framer.finish(&mut cb);
            let stats = framer.stats();
            assert_eq!(
                (
                    stats.crc_mismatches,
                    stats.corrupt_preludes,
                    stats.malformed_frames,
                    stats.truncated_frames
                ),
                (0, 0, 0, 0),
                "{}",
                case.file
            );
        }
        Framing::WholeJson => unreachable!("the corpus has streams only"),
    }
    m.prompt_tokens = usage.input;
    m.completion_tokens = usage.output;
    m
}

fn check(case: &Case, got: &Measured, how: &str) {
    assert_eq!(got, &case.want, "{} ({how})", case.file);
}

/// One read, every split point (or random splits for large files), one byte per read.
fn check_folder(folder: &str) {
    let mut rng = Rng::new(0x5eed);
    for case in cases(folder) {
        let bytes = case.bytes;
        check(&case, &measure(&case, &[bytes]), "one read");
        if bytes.len() <= EVERY_SPLIT_UP_TO {
            for split in 0..=bytes.len() {
                let (a, b) = bytes.split_at(split);
                check(
                    &case,
                    &measure(&case, &[a, b]),
                    &format!("split at {split}"),
                );
            }
        } else {
            for _ in 0..64 {
                let parts = random_splits(bytes, &mut rng, 64);
                check(&case, &measure(&case, &parts), "random splits");
            }
        }
        let bytewise: Vec<&[u8]> = bytes.chunks(1).collect();
        check(&case, &measure(&case, &bytewise), "one byte per read");
    }
}

#[test]
fn openai_chat_corpus_matches_the_manifest() {
    check_folder("openai-chat-sse");
}

#[test]
fn vllm_corpus_matches_the_manifest() {
    check_folder("vllm-sse");
}

#[test]
fn openai_completions_corpus_matches_the_manifest() {
    check_folder("openai-completions-sse");
}

#[test]
fn openai_responses_corpus_matches_the_manifest() {
    check_folder("openai-responses-sse");
}

#[test]
fn anthropic_corpus_matches_the_manifest() {
    check_folder("anthropic-messages-sse");
}

#[test]
fn gemini_corpus_matches_the_manifest() {
    check_folder("gemini-sse");
}

#[test]
fn ollama_corpus_matches_the_manifest() {
    check_folder("ollama-ndjson");
}

#[test]
fn tgi_corpus_matches_the_manifest() {
    check_folder("tgi-sse");
}

#[test]
fn bedrock_corpus_matches_the_manifest() {
    check_folder("bedrock-eventstream");
}

/// Every byte of every Bedrock file, flipped: a prelude byte desynchronises the stream
/// after the frames before it; any other byte loses exactly its own frame to the CRC.
#[test]
fn bedrock_crcs_catch_every_flipped_byte() {
    for case in cases("bedrock-eventstream") {
        let mut starts = Vec::new();
        let mut at = 0;
        while at < case.bytes.len() {
            let (_, len) = crate::framing::aws_eventstream::parse_frame(&case.bytes[at..]).unwrap();
            starts.push(at);
            at += len;
        }
        let frames = starts.len() as u64;
        assert_eq!(frames, case.want.events, "{}", case.file);
        let mut mutated = case.bytes.to_vec();
        for pos in 0..mutated.len() {
            mutated[pos] ^= 0x5a;
            let frame = starts.iter().rposition(|&s| s <= pos).unwrap();
            let mut framer = AwsEventStreamFramer::new(CAP);
            let mut seen = 0u64;
            framer.feed(&mutated, &mut |_| seen += 1);
            framer.finish(&mut |_| {});
            let stats = framer.stats();
            if pos - starts[frame] < crate::framing::aws_eventstream::PRELUDE_BYTES {
                assert!(framer.is_desynchronised(), "{} byte {pos}", case.file);
                assert_eq!(seen, frame as u64, "{} byte {pos}", case.file);
            } else {
                assert_eq!(stats.crc_mismatches, 1, "{} byte {pos}", case.file);
                assert_eq!(seen, frames - 1, "{} byte {pos}", case.file);
            }
            mutated[pos] ^= 0x5a;
        }
    }
}

/// Random byte changes, cuts and insertions, fed in random reads through small caps: no
/// panic, no buffer past its cap, and every event is either decoded or reported malformed.
#[test]
fn random_mutations_never_panic_nor_grow_buffers_past_caps() {
    const SMALL_CAP: usize = 1024;
    let mut rng = Rng::new(77);
    let manifest: serde_json::Value = serde_json::from_str(corpus::MANIFEST).unwrap();
    for entry in manifest["entries"].as_array().unwrap() {
        let file = entry["file"].as_str().unwrap();
        let bytes = corpus::FILES
            .iter()
            .find(|(name, _)| *name == file)
            .map(|(_, b)| *b)
            .unwrap();
        let (format, framing) = format_of(entry);
        for _ in 0..6 {
            let mut mutated = bytes.to_vec();
            for _ in 0..1 + rng.below(12) {
                if mutated.is_empty() {
                    break;
                }
                let at = rng.below(mutated.len() as u64) as usize;
                match rng.below(4) {
                    0 => mutated.truncate(at),
                    1 => mutated.insert(at, rng.next() as u8),
                    _ => mutated[at] = rng.next() as u8,
                }
            }
            let mut scratch = Vec::new();
            let mut events = 0u64;
            let mut decode = |name: &[u8], data: &[u8], scratch: &mut Vec<u8>| {
                events += 1;
                let _ = decode_event_with_text(format, name, data, scratch, &mut |t| {
                    let _ = t.char_count();
                });
                assert!(scratch.capacity() <= SMALL_CAP, "{file}");
            };
            let parts = random_splits(&mutated, &mut rng, 16);
            match framing {
                Framing::Sse => {
                    let mut framer = SseFramer::new(SMALL_CAP);
                    for part in &parts {
                        framer.feed(part, &mut |e| decode(e.name, e.data, &mut scratch));
                        assert!(framer.buffered_bytes() <= SMALL_CAP + MAX_BUFFERED_OVER_CAP);
                    }
                    framer.finish(&mut |e| decode(e.name, e.data, &mut scratch));
                }
                Framing::Ndjson => {
                    let mut framer = NdjsonFramer::new(SMALL_CAP);
                    for part in &parts {
                        framer.feed(part, &mut |l| decode(b"", l, &mut scratch));
                        assert!(framer.reserved_bytes() <= SMALL_CAP);
                    }
                    framer.finish(&mut |l| decode(b"", l, &mut scratch));
                }
                Framing::AwsEventStream => {
                    let mut framer = AwsEventStreamFramer::new(SMALL_CAP);
                    for part in &parts {
                        framer.feed(part, &mut |f| {
                            let _ = decode_aws_frame(format, &f, &mut scratch, &mut |_| {});
                            assert!(scratch.capacity() <= SMALL_CAP);
                        });
                        assert!(framer.reserved_bytes() <= SMALL_CAP);
                    }
                    framer.finish(&mut |_| {});
                }
                Framing::WholeJson => unreachable!(),
            }
            // Whole-body decoding of the mutated bytes must not panic either.
            let mut whole_scratch = Vec::new();
            let _ = decode_event_with_text(format, b"", &mutated, &mut whole_scratch, &mut |_| {});
            let _ = events;
        }
    }
}

/// The openai-chat streams through the whole per-stream state machine: each recorded once,
/// with the manifest's content events and usage.
#[test]
fn streams_record_the_manifest_counts_once_each() {
    use crate::config::Config;
    use crate::stream::tests::run_stream;
    use crate::stream::Plugin;
    use crate::testing::RecordingHost;
    let plugin = Plugin::new(Config::default());
    let host = RecordingHost::default();
    let (mut streams, mut want_output, mut want_gaps, mut want_ttft) = (0, 0, 0, 0);
    for case in cases("openai-chat-sse") {
        let reads: Vec<&[u8]> = case.bytes.split_inclusive(|b| *b == b'\n').collect();
        let stream = run_stream(
            &host,
            &plugin,
            br#"{"model":"gpt-4o","stream":true}"#,
            &reads,
        );
        let summary = stream.summary().unwrap();
        assert_eq!(
            summary.content_events, case.want.content_chunks,
            "{}",
            case.file
        );
        assert_eq!(
            summary.usage.output, case.want.completion_tokens,
            "{}",
            case.file
        );
        streams += 1;
        want_output += case.want.completion_tokens.unwrap_or(0) as i64;
        want_gaps += case.want.content_chunks.saturating_sub(1) as usize;
        want_ttft += usize::from(case.want.content_chunks > 0);
    }
    assert_eq!(host.counter("llm_requests_total"), streams);
    let output =
        "llm_tokens_total.gen_ai_request_model=.=gpt-4o;.;gen_ai_provider_name=.=openai;.;\
                  gen_ai_operation_name=.=chat;.;gen_ai_token_type=.=output;.;token_source=.=usage;.;";
    assert_eq!(host.counter(output), want_output);
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

mod large_events;
