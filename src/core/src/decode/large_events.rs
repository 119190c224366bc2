//! What each format's decoder reads, declared for events larger than `max_event_bytes`
//! ([`crate::framing::json_reduce`]): the key paths kept in the skeleton of such an event and
//! the strings that are answer or reasoning text. Each table mirrors the members its decoder
//! module reads (keep them in step); members not listed are skipped without being stored.

use super::WireFormat;
use crate::framing::json_reduce::{ReduceSchema, TextKind, TextRule, When};

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
};

/// [`super::bedrock`] Converse: a whole (non-streaming) body.
static BEDROCK_CONVERSE: ReduceSchema = ReduceSchema {
    keep: &[
        "output.message.content.text",
        "output.message.content.reasoningContent.reasoningText.text",
        "output.message.content.toolUse.toolUseId",
        "stopReason",
        "usage",
        "amazon-bedrock-invocationMetrics",
    ],
    text: &[
        visible("output.message.content.text"),
        reasoning("output.message.content.reasoningContent.reasoningText.text"),
    ],
};

/// What to keep of a large event of `format`; `None` for Bedrock invoke, whose large
/// events (base64 payloads in event-stream frames, native model bodies) are still skipped.
pub fn reduce_schema(format: WireFormat) -> Option<&'static ReduceSchema> {
    match format {
        WireFormat::OpenAiChat | WireFormat::OpenAiCompletions => Some(&OPENAI_CHAT),
        WireFormat::OpenAiResponses => Some(&OPENAI_RESPONSES),
        WireFormat::AnthropicMessages => Some(&ANTHROPIC),
        WireFormat::Gemini => Some(&GEMINI),
        WireFormat::Ollama => Some(&OLLAMA),
        WireFormat::TgiGenerate => Some(&TGI),
        WireFormat::BedrockConverse => Some(&BEDROCK_CONVERSE),
        WireFormat::BedrockInvoke => None,
    }
}
