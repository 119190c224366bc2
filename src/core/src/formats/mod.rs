//! Wire formats: which decoder reads a response, and what each event says, normalised.
//!
//! Each submodule turns one event's payload into [`EventFacts`] reading only the JSON fields
//! it needs (with [`crate::json::Reader`], no allocation beyond what the text needs).
//! Framing (SSE, NDJSON lines, AWS event-stream binary frames, one whole JSON body) is
//! separate from decoding: see [`Framing`].

use crate::json::RawStr;

/// The API a response belongs to. Chosen from the request path and the response
/// content type ([`detect`]), or forced per route in the configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WireFormat {
    /// OpenAI `/v1/chat/completions` (also vLLM, SGLang, TGI Messages API, Groq, OpenRouter…).
    OpenAiChat,
    /// OpenAI legacy `/v1/completions` (`choices[].text`).
    OpenAiCompletions,
    /// OpenAI `/v1/responses` (typed events, usage only in `response.completed`).
    OpenAiResponses,
    /// Anthropic `/v1/messages`.
    AnthropicMessages,
    /// Gemini / Vertex `:streamGenerateContent` and `:generateContent`.
    Gemini,
    /// Ollama `/api/chat` and `/api/generate` (NDJSON).
    Ollama,
    /// Hugging Face TGI `/generate_stream` and `/generate`.
    TgiGenerate,
    /// AWS Bedrock `ConverseStream` / `Converse`.
    BedrockConverse,
    /// AWS Bedrock `InvokeModelWithResponseStream` (base64 `bytes` chunks of the model's own format).
    BedrockInvoke,
}

/// How a response body is cut into events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framing {
    /// `text/event-stream`.
    Sse,
    /// One JSON document per line (`application/x-ndjson`, Ollama).
    Ndjson,
    /// `application/vnd.amazon.eventstream` binary frames.
    AwsEventStream,
    /// A single JSON document (non-streaming responses).
    WholeJson,
}

/// Token counts from a usage report; `None` where the report does not say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UsageReport {
    /// Prompt / input tokens.
    pub input: Option<u64>,
    /// Completion / output tokens (including reasoning tokens where the provider counts them there).
    pub output: Option<u64>,
    /// Input tokens served from the provider's prompt cache.
    pub cached_input: Option<u64>,
    /// Output tokens spent on reasoning.
    pub reasoning: Option<u64>,
}

impl UsageReport {
    /// Merges a later report: each field present in `later` replaces ours (last wins).
    pub fn merge(&mut self, later: &UsageReport) {
        self.input = later.input.or(self.input);
        self.output = later.output.or(self.output);
        self.cached_input = later.cached_input.or(self.cached_input);
        self.reasoning = later.reasoning.or(self.reasoning);
    }

    pub fn is_empty(&self) -> bool {
        *self == UsageReport::default()
    }
}

/// Structured refusal / safety signals (ground truth, as opposed to phrase matching).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefusalSignal {
    /// Anthropic `stop_reason: refusal`.
    StopReason,
    /// OpenAI non-empty `delta.refusal`, Responses `response.refusal.delta`.
    DeltaRefusal,
    /// `finish_reason: content_filter` and equivalents.
    ContentFilter,
    /// Gemini SAFETY / PROHIBITED_CONTENT / BLOCKLIST / SPII, `promptFeedback.blockReason`,
    /// Bedrock `guardrail_intervened`.
    SafetyBlock,
}

/// What one event says. Text fields are raw JSON string contents (escapes not decoded),
/// borrowed from the event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EventFacts<'a> {
    /// First piece of visible output text in the event (most events have one).
    pub text: Option<RawStr<'a>>,
    /// Characters of visible output text over all pieces (0 = not a content event).
    pub text_chars: usize,
    /// Characters of reasoning / thinking text.
    pub reasoning_chars: usize,
    /// Tool-call deltas (name or argument fragments) in the event.
    pub tool_call_deltas: u32,
    /// New tool calls started in the event.
    pub tool_calls_started: u32,
    /// Usage report, if the event carries one.
    pub usage: Option<UsageReport>,
    /// Raw provider finish / stop reason, if the event carries one.
    pub finish_reason: Option<RawStr<'a>>,
    /// The model named by the response.
    pub response_model: Option<RawStr<'a>>,
    /// The event reports an error (error event, error object, exception frame).
    pub error: bool,
    /// The event is the stream's terminator (`[DONE]`, `message_stop`, `response.completed`,
    /// Ollama `done: true`, Bedrock `messageStop`/`metadata`…).
    pub terminator: bool,
    /// A structured refusal signal.
    pub refusal: Option<RefusalSignal>,
}

impl EventFacts<'_> {
    pub fn is_content(&self) -> bool {
        self.text_chars > 0
    }
}
