//! What each format's decoder reads, declared for events larger than `max_event_bytes`
//! ([`crate::framing::json_reduce`]): the key paths kept in the skeleton of such an event and
//! the strings that are answer or reasoning text. Each table mirrors the members its decoder
//! module reads (keep them in step); members not listed are skipped without being stored.

use super::WireFormat;
use crate::framing::json_reduce::{EventStreamPayload, ReduceSchema, TextKind, TextRule, When};

const fn visible(path: &'static str) -> TextRule {
    TextRule {
        path,
        kind: TextKind::Visible,
        when: When::Always,
    }
}

const fn reasoning(path: &'static str) -> TextRule {
    TextRule {
        path,
        kind: TextKind::Reasoning,
        when: When::Always,
    }
}

const fn when(rule: TextRule, when: When) -> TextRule {
    TextRule { when, ..rule }
}

/// [`super::openai_chat`] (and the members [`super::openai_completions`] shares).
static OPENAI_CHAT: ReduceSchema = ReduceSchema {
    keep: &[
        "choices.delta.content",
        "choices.delta.refusal",
        "choices.delta.reasoning_content",
        "choices.delta.reasoning",
        "choices.delta.tool_calls",
        "choices.delta.function_call",
        "choices.message.content",
        "choices.message.refusal",
        "choices.message.reasoning_content",
        "choices.message.reasoning",
        "choices.message.tool_calls",
        "choices.message.function_call",
        "choices.finish_reason",
        "choices.text",
        "usage",
        "model",
        "error",
        "object",
        "warnings",
        "amazon-bedrock-invocationMetrics",
        "amazon-bedrock-guardrailAction",
    ],
    text: &[
        visible("choices.delta.content"),
        visible("choices.message.content"),
        when(
            visible("choices.delta.content.text"),
            When::Type(&["text", ""]),
        ),
        when(
            visible("choices.message.content.text"),
            When::Type(&["text", ""]),
        ),
        visible("choices.delta.refusal"),
        visible("choices.message.refusal"),
        reasoning("choices.delta.reasoning_content"),
        reasoning("choices.delta.reasoning"),
        reasoning("choices.message.reasoning_content"),
        reasoning("choices.message.reasoning"),
        visible("choices.text"),
    ],
    event_stream_payload: EventStreamPayload::Json,
};

/// [`super::openai_responses`]: typed events (text in `delta` by event type; the
/// `response.completed` answer under `response.output` is not read) and whole bodies.
static OPENAI_RESPONSES: ReduceSchema = ReduceSchema {
    keep: &[
        "type",
        "delta",
        "item.type",
        "response.status",
        "response.model",
        "response.usage",
        "response.error",
        "response.incomplete_details.reason",
        "object",
        "status",
        "model",
        "usage",
        "error",
        "incomplete_details.reason",
        "output.type",
        "output.content.type",
        "output.content.text",
        "output.content.refusal",
        "output.summary.type",
        "output.summary.text",
    ],
    text: &[
        when(
            visible("delta"),
            When::Type(&["response.output_text.delta", "response.refusal.delta"]),
        ),
        when(
            reasoning("delta"),
            When::Type(&[
                "response.reasoning_text.delta",
                "response.reasoning_summary_text.delta",
            ]),
        ),
        when(visible("output.content.text"), When::Type(&["output_text"])),
        when(
            reasoning("output.content.text"),
            When::Type(&["reasoning_text"]),
        ),
        visible("output.content.refusal"),
        when(
            reasoning("output.summary.text"),
            When::Type(&["summary_text"]),
        ),
    ],
    event_stream_payload: EventStreamPayload::Json,
};

/// [`super::anthropic`].
static ANTHROPIC: ReduceSchema = ReduceSchema {
    keep: &[
        "type",
        "message.model",
        "message.usage",
        "message.stop_reason",
        "content_block.type",
        "content_block.text",
        "content_block.thinking",
        "delta.type",
        "delta.text",
        "delta.thinking",
        "delta.stop_reason",
        "usage",
        "error",
        "content.type",
        "content.text",
        "content.thinking",
        "model",
        "stop_reason",
        "amazon-bedrock-invocationMetrics",
        "amazon-bedrock-guardrailAction",
    ],
    text: &[
        when(visible("content_block.text"), When::Type(&["text"])),
        reasoning("content_block.thinking"),
        when(visible("delta.text"), When::Type(&["text_delta"])),
        reasoning("delta.thinking"),
        when(visible("content.text"), When::Type(&["text"])),
        reasoning("content.thinking"),
    ],
    event_stream_payload: EventStreamPayload::Json,
};

/// [`super::gemini`]. A part's `thought` flag written after its text is not known when the
/// text streams: such a long thought part is counted as visible text.
static GEMINI: ReduceSchema = ReduceSchema {
    keep: &[
        "candidates.content.parts.text",
        "candidates.content.parts.thought",
        "candidates.content.parts.functionCall",
        "candidates.finishReason",
        "promptFeedback.blockReason",
        "usageMetadata",
        "modelVersion",
        "error",
    ],
    text: &[visible("candidates.content.parts.text")],
    event_stream_payload: EventStreamPayload::Json,
};

/// [`super::ollama`]: `/api/chat` and `/api/generate` (its `context` is skipped).
static OLLAMA: ReduceSchema = ReduceSchema {
    keep: &[
        "response",
        "thinking",
        "message.content",
        "message.thinking",
        "message.tool_calls",
        "done",
        "done_reason",
        "prompt_eval_count",
        "eval_count",
        "model",
        "error",
    ],
    text: &[
        visible("response"),
        reasoning("thinking"),
        visible("message.content"),
        reasoning("message.thinking"),
    ],
    event_stream_payload: EventStreamPayload::Json,
};

/// [`super::tgi`]: `generated_text` is the answer only in a whole body (no `token`).
static TGI: ReduceSchema = ReduceSchema {
    keep: &[
        "token.text",
        "token.special",
        "generated_text",
        "details.finish_reason",
        "details.generated_tokens",
        "error",
    ],
    text: &[
        visible("token.text"),
        when(visible("generated_text"), When::NoEarlierTopKey("token")),
    ],
    event_stream_payload: EventStreamPayload::Json,
};

/// [`super::bedrock`] Converse: a `ConverseStream` event (an event-stream frame's payload,
/// its name in the `:event-type` header) or a whole `Converse` body (`output…`).
static BEDROCK_CONVERSE: ReduceSchema = ReduceSchema {
    keep: &[
        "start.toolUse",
        "delta.text",
        "delta.reasoningContent.text",
        "delta.toolUse",
        "output.message.content.text",
        "output.message.content.reasoningContent.reasoningText.text",
        "output.message.content.toolUse.toolUseId",
        "stopReason",
        "usage",
        "amazon-bedrock-invocationMetrics",
        "amazon-bedrock-guardrailAction",
    ],
    text: &[
        visible("delta.text"),
        reasoning("delta.reasoningContent.text"),
        visible("output.message.content.text"),
        reasoning("output.message.content.reasoningContent.reasoningText.text"),
    ],
    event_stream_payload: EventStreamPayload::Json,
};

/// [`super::bedrock`] invoke: the model's own JSON — a stream `chunk`'s base64-decoded
/// `bytes`, or a whole `InvokeModel` body — whose shape is sniffed from its top-level keys
/// (`bedrock::sniff`): the union of the members the Anthropic ([`ANTHROPIC`]), OpenAI chat
/// ([`OPENAI_CHAT`]), Converse-keyed (Nova) and native (Llama, Titan, Mistral, Cohere,
/// Claude Text Completions) readers use. The shape-deciding keys (`type`, `choices`,
/// `object`, the Converse event names) are all kept.
static BEDROCK_INVOKE: ReduceSchema = ReduceSchema {
    keep: &[
        // Anthropic Messages.
        "type",
        "message.model",
        "message.usage",
        "message.stop_reason",
        "content_block.type",
        "content_block.text",
        "content_block.thinking",
        "delta.type",
        "delta.text",
        "delta.thinking",
        "delta.stop_reason",
        "content.type",
        "content.text",
        "content.thinking",
        // OpenAI chat.
        "choices.delta.content",
        "choices.delta.refusal",
        "choices.delta.reasoning_content",
        "choices.delta.reasoning",
        "choices.delta.tool_calls",
        "choices.delta.function_call",
        "choices.message.content",
        "choices.message.refusal",
        "choices.message.reasoning_content",
        "choices.message.reasoning",
        "choices.message.tool_calls",
        "choices.message.function_call",
        "choices.finish_reason",
        "choices.text",
        "object",
        "warnings",
        // Converse events keyed by name (Nova).
        "messageStart.role",
        "contentBlockStart.start.toolUse",
        "contentBlockDelta.delta.text",
        "contentBlockDelta.delta.reasoningContent.text",
        "contentBlockDelta.delta.toolUse",
        "contentBlockStop.contentBlockIndex",
        "messageStop.stopReason",
        "metadata.usage",
        // Native completions.
        "generation",
        "outputText",
        "text",
        "completion",
        "outputs.text",
        "outputs.stop_reason",
        "outputs.finish_reason",
        "generations.text",
        "generations.stop_reason",
        "generations.finish_reason",
        "completionReason",
        "finish_reason",
        "prompt_token_count",
        "inputTextTokenCount",
        "generation_token_count",
        "totalOutputTextTokenCount",
        // Shared.
        "stop_reason",
        "usage",
        "model",
        "error",
        "amazon-bedrock-invocationMetrics",
        "amazon-bedrock-guardrailAction",
    ],
    text: &[
        when(visible("content_block.text"), When::Type(&["text"])),
        reasoning("content_block.thinking"),
        when(visible("delta.text"), When::Type(&["text_delta"])),
        reasoning("delta.thinking"),
        when(visible("content.text"), When::Type(&["text"])),
        reasoning("content.thinking"),
        visible("choices.delta.content"),
        visible("choices.message.content"),
        when(
            visible("choices.delta.content.text"),
            When::Type(&["text", ""]),
        ),
        when(
            visible("choices.message.content.text"),
            When::Type(&["text", ""]),
        ),
        visible("choices.delta.refusal"),
        visible("choices.message.refusal"),
        reasoning("choices.delta.reasoning_content"),
        reasoning("choices.delta.reasoning"),
        reasoning("choices.message.reasoning_content"),
        reasoning("choices.message.reasoning"),
        visible("choices.text"),
        visible("contentBlockDelta.delta.text"),
        reasoning("contentBlockDelta.delta.reasoningContent.text"),
        visible("generation"),
        visible("outputText"),
        visible("text"),
        visible("completion"),
        visible("outputs.text"),
        visible("generations.text"),
    ],
    event_stream_payload: EventStreamPayload::Base64Bytes,
};

/// What to keep of a large event, or a large whole body, of `format`.
pub fn reduce_schema(format: WireFormat) -> Option<&'static ReduceSchema> {
    match format {
        WireFormat::OpenAiChat | WireFormat::OpenAiCompletions => Some(&OPENAI_CHAT),
        WireFormat::OpenAiResponses => Some(&OPENAI_RESPONSES),
        WireFormat::AnthropicMessages => Some(&ANTHROPIC),
        WireFormat::Gemini => Some(&GEMINI),
        WireFormat::Ollama => Some(&OLLAMA),
        WireFormat::TgiGenerate => Some(&TGI),
        WireFormat::BedrockConverse => Some(&BEDROCK_CONVERSE),
        WireFormat::BedrockInvoke => Some(&BEDROCK_INVOKE),
    }
}
