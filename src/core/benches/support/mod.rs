//! Shared by the core's benches and the `chunk_instructions` example: a [`Host`] that costs
//! next to nothing and allocates nothing per call, corpus loading, and a synthetic OpenAI
//! chat stream shaped like the one `llmtap-bench upstream` serves.

#![allow(dead_code)] // each bench binary uses a different subset

use llmtap_core::config::Config;
use llmtap_core::decode::decode_body_event;
use llmtap_core::decode::WireFormat;
use llmtap_core::framing::{BodyEvent, BodyReader};
use llmtap_core::host::{Host, LogLevel, MetricDefinitionFailed, MetricKind};
use llmtap_core::stream::{Plugin, Stream};
use std::cell::Cell;
use std::path::PathBuf;
use std::rc::Rc;

/// A host whose clock advances 1 ms per reading and whose metric calls only count.
/// Header look-ups return owned strings (the trait's contract), which allocates: they
/// happen once per request, never per chunk.
#[derive(Default)]
pub struct BenchHost {
    clock: Cell<u64>,
    next_id: Cell<u32>,
    pub increments: Cell<u64>,
    pub samples: Cell<u64>,
    pub path: &'static str,
    pub content_type: &'static str,
}

impl BenchHost {
    pub fn new(path: &'static str, content_type: &'static str) -> BenchHost {
        BenchHost {
            path,
            content_type,
            ..BenchHost::default()
        }
    }
}

impl Host for BenchHost {
    fn now_micros(&self) -> u64 {
        let now = self.clock.get() + 1_000;
        self.clock.set(now);
        now
    }

    fn define_metric(&self, _kind: MetricKind, _name: &str) -> Result<u32, MetricDefinitionFailed> {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        Ok(id)
    }

    fn increment_metric(&self, _id: u32, _delta: i64) {
        self.increments.set(self.increments.get() + 1);
    }

    fn record_metric(&self, _id: u32, _value: u64) {
        self.samples.set(self.samples.get() + 1);
    }

    fn log(&self, _level: LogLevel, _message: &str) {}

    fn request_header(&self, name: &str) -> Option<String> {
        (name == ":path").then(|| self.path.to_owned())
    }

    fn response_header(&self, name: &str) -> Option<String> {
        match name {
            ":status" => Some("200".to_owned()),
            "content-type" => Some(self.content_type.to_owned()),
            _ => None,
        }
    }

    fn property(&self, _path: &[&str]) -> Option<Vec<u8>> {
        None
    }

    fn set_attribute(&self, _key: &str, _value: &[u8]) {}
}

/// The recorded streams: `$LLMTAP_CORPUS`, else `../shared/corpus` beside the repository.
pub fn corpus_dir() -> PathBuf {
    std::env::var_os("LLMTAP_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"))
}

/// One representative recorded stream per wire format: (label, file under the corpus,
/// format, request path, response content type).
pub const FORMAT_SAMPLES: &[(&str, &str, WireFormat, &str, &str)] = &[
    (
        "openai_chat",
        "openai-chat-sse/aigw-gpt5nano-chat-streaming.sse",
        WireFormat::OpenAiChat,
        "/v1/chat/completions",
        "text/event-stream",
    ),
    (
        "openai_completions",
        "openai-completions-sse/aigw-babbage-completion-streaming.sse",
        WireFormat::OpenAiCompletions,
        "/v1/completions",
        "text/event-stream",
    ),
    (
        "openai_responses",
        "openai-responses-sse/pai-deepseek-responses-text-stream.sse",
        WireFormat::OpenAiResponses,
        "/v1/responses",
        "text/event-stream",
    ),
    (
        "anthropic",
        "anthropic-messages-sse/pai-anthropic-thinking-stream.sse",
        WireFormat::AnthropicMessages,
        "/v1/messages",
        "text/event-stream",
    ),
    (
        "gemini",
        "gemini-sse/pai-gemini-2.5-pro-thinking-stream.sse",
        WireFormat::Gemini,
        "/v1beta/models/gemini-2.5-pro:streamGenerateContent",
        "text/event-stream",
    ),
    (
        "ollama",
        "ollama-ndjson/attogram-ollama-generate-gemma3-4b.ndjson",
        WireFormat::Ollama,
        "/api/generate",
        "application/x-ndjson",
    ),
    (
        "tgi",
        "tgi-sse/hfjs-tgi-llama2-generate-stream.sse",
        WireFormat::TgiGenerate,
        "/generate_stream",
        "text/event-stream",
    ),
    (
        "vllm",
        "vllm-sse/workers-ai-vllm-qwen3-continuous-usage.sse",
        WireFormat::OpenAiChat,
        "/v1/chat/completions",
        "text/event-stream",
    ),
    (
        "bedrock_converse",
        "bedrock-eventstream/pai-bedrock-nova-micro-stream.bin",
        WireFormat::BedrockConverse,
        "/model/amazon.nova-micro-v1:0/converse-stream",
        "application/vnd.amazon.eventstream",
    ),
];

/// Why a bench could not read its input.
#[derive(Debug)]
pub struct CorpusMissing {
    pub path: PathBuf,
    pub error: std::io::Error,
}

impl std::fmt::Display for CorpusMissing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "cannot read corpus file {} ({}); set LLMTAP_CORPUS",
            self.path.display(),
            self.error
        )
    }
}

/// Reads one corpus file.
pub fn read_corpus(relative: &str) -> Result<Vec<u8>, CorpusMissing> {
    let path = corpus_dir().join(relative);
    std::fs::read(&path).map_err(|error| CorpusMissing { path, error })
}

/// Frames a whole body in one read as the filter would; returns the number of events.
pub fn frame_only(format: WireFormat, content_type: &str, body: &[u8]) -> usize {
    let mut reader = BodyReader::for_response(
        llmtap_core::decode::framing(format, Some(content_type)),
        None,
        Config::default().max_event_bytes,
        llmtap_core::decode::reduce_schema(format),
    );
    let mut events = 0;
    let mut count = |_: BodyEvent<'_>| events += 1;
    reader.feed(body, &mut count);
    reader.finish(&mut count);
    events
}

/// Frames a whole body and decodes every event; returns the number of content events.
pub fn frame_and_decode(
    format: WireFormat,
    content_type: &str,
    body: &[u8],
    scratch: &mut Vec<u8>,
) -> usize {
    let mut reader = BodyReader::for_response(
        llmtap_core::decode::framing(format, Some(content_type)),
        None,
        Config::default().max_event_bytes,
        llmtap_core::decode::reduce_schema(format),
    );
    let mut content = 0;
    let mut text_bytes = 0usize;
    let mut decode = |event: BodyEvent<'_>| {
        let facts = decode_body_event(format, event, scratch, &mut |piece| {
            text_bytes += piece.0.len()
        });
        if facts.is_ok_and(|f| f.is_content()) {
            content += 1;
        }
    };
    reader.feed(body, &mut decode);
    reader.finish(&mut decode);
    std::hint::black_box(text_bytes);
    content
}

/// Output words the synthetic stream cycles through (about one BPE token each).
const WORDS: &[&str] = &[
    " the", " stream", " carries", " one", " token", " per", " event", " as", " hosted", " models",
    " send", " them", ",", " and", " llmtap", " reads",
];

/// One OpenAI chat completion chunk carrying `tokens` words, shaped like the chunks of
/// `llmtap-bench upstream` (the `t` send stamp included, fixed here).
pub fn openai_chat_event(index: usize, tokens: usize) -> Vec<u8> {
    let mut text = String::new();
    for k in 0..tokens {
        text.push_str(WORDS[(index + k) % WORDS.len()]);
    }
    format!(
        "data: {{\"t\":1234567890123,\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1763900000,\"model\":\"bench-model\",\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\"{text}\"}},\"finish_reason\":null}}]}}\n\n"
    )
    .into_bytes()
}

/// Role chunk, `events` content chunks of `tokens` words, a finish/usage chunk and `[DONE]`:
/// one read per event, as a paced upstream delivers them.
pub fn openai_chat_stream(events: usize, tokens: usize) -> Vec<Vec<u8>> {
    let mut reads = vec![b"data: {\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"model\":\"bench-model\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n".to_vec()];
    reads.extend((0..events).map(|i| openai_chat_event(i, tokens)));
    reads.push(format!(
        "data: {{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"model\":\"bench-model\",\"choices\":[{{\"index\":0,\"delta\":{{}},\"finish_reason\":\"stop\"}}],\"usage\":{{\"prompt_tokens\":12,\"completion_tokens\":{}}}}}\n\n",
        events * tokens
    ).into_bytes());
    reads.push(b"data: [DONE]\n\n".to_vec());
    reads
}

/// The request body sent before a synthetic stream.
pub const CHAT_REQUEST: &[u8] =
    br#"{"model":"bench-model","stream":true,"messages":[{"role":"user","content":"Say something."}]}"#;

/// Opens a stream: request headers and body, response headers.
pub fn open_stream(plugin: &Rc<Plugin>, host: &BenchHost, request_body: &[u8]) -> Stream {
    let mut stream = Stream::new(plugin.clone());
    stream.on_request_headers(host);
    stream.on_request_body(request_body, true);
    stream.on_response_headers(host);
    stream
}

/// Runs one whole stream, one `on_response_body` call per read, then end of stream and log.
pub fn run_stream(plugin: &Rc<Plugin>, host: &BenchHost, request_body: &[u8], reads: &[Vec<u8>]) {
    let mut stream = open_stream(plugin, host, request_body);
    for read in reads {
        stream.on_response_body(host, read, false);
    }
    stream.on_response_body(host, b"", true);
    stream.on_log(host);
}

/// The plugin with the configuration `llmtap run` uses by default (`{}`).
pub fn default_plugin() -> Rc<Plugin> {
    Plugin::new(Config::default())
}
