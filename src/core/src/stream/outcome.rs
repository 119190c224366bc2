//! How a stream ended, and finish reasons normalised across providers.

/// How the proxy saw the exchange end (from the host, for streams whose response did not
/// reach end-of-stream).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StreamEnd {
    /// The response body reached end-of-stream.
    Completed,
    /// The downstream client went away before the response ended.
    ClientDisconnect,
    /// The upstream connection was reset or failed mid-response.
    UpstreamReset,
    /// The host could not say.
    Unknown,
}

impl StreamEnd {
    /// Classifies Envoy's `response.code_details` (e.g. `downstream_remote_disconnect`,
    /// `upstream_reset_after_response_started{remote_reset}`).
    pub fn from_code_details(details: &str) -> StreamEnd {
        if details.starts_with("downstream_") || details.contains("downstream_remote_disconnect") {
            StreamEnd::ClientDisconnect
        } else if details.starts_with("upstream_reset") || details.contains("upstream_reset") {
            StreamEnd::UpstreamReset
        } else {
            StreamEnd::Unknown
        }
    }
}

/// The `outcome` label of `llm_requests_total`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Ended with a terminator or a finish reason other than length.
    Complete,
    /// Stopped by a token limit (`length`, `max_tokens`, `MAX_TOKENS`…).
    Length,
    /// The upstream reported an error (error event, error object, exception frame, non-2xx).
    ErrorEvent,
    /// Ended without terminator and without finish reason.
    Truncated,
    /// The upstream connection broke mid-response.
    UpstreamReset,
    /// The client went away mid-response.
    ClientDisconnect,
    /// The filter stopped parsing because a cap was hit (an event or body was too big).
    Oversized,
    /// The body was compressed (`content-encoding` other than `identity`): passed on, not
    /// parsed, so nothing but timing to the first byte and the duration is known.
    Encoded,
}

impl Outcome {
    pub const ALL: [Outcome; 8] = [
        Outcome::Complete,
        Outcome::Length,
        Outcome::ErrorEvent,
        Outcome::Truncated,
        Outcome::UpstreamReset,
        Outcome::ClientDisconnect,
        Outcome::Oversized,
        Outcome::Encoded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Complete => "complete",
            Outcome::Length => "length",
            Outcome::ErrorEvent => "error_event",
            Outcome::Truncated => "truncated",
            Outcome::UpstreamReset => "upstream_reset",
            Outcome::ClientDisconnect => "client_disconnect",
            Outcome::Oversized => "oversized",
            Outcome::Encoded => "encoded",
        }
    }
}

/// Finish reasons normalised to a small set (label `finish_reason`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FinishReason {
    Stop,
    Length,
    ToolCalls,
    ContentFilter,
    Refusal,
    Error,
    Other,
}

impl FinishReason {
    pub fn as_str(self) -> &'static str {
        match self {
            FinishReason::Stop => "stop",
            FinishReason::Length => "length",
            FinishReason::ToolCalls => "tool_calls",
            FinishReason::ContentFilter => "content_filter",
            FinishReason::Refusal => "refusal",
            FinishReason::Error => "error",
            FinishReason::Other => "other",
        }
    }

    /// Maps a provider's raw value (case-insensitive):
    /// - OpenAI chat/completions `stop`, `length`, `tool_calls`, `function_call`, `content_filter`;
    /// - Responses `response.status` `completed`, `incomplete`, `failed`;
    /// - Anthropic `end_turn`, `stop_sequence`, `max_tokens`, `tool_use`, `pause_turn`, `refusal`,
    ///   `model_context_window_exceeded`;
    /// - Gemini `STOP`, `MAX_TOKENS`, `SAFETY`, `RECITATION`, `BLOCKLIST`, `PROHIBITED_CONTENT`,
    ///   `SPII`, `IMAGE_SAFETY`, `MALFORMED_FUNCTION_CALL`, `LANGUAGE`, `OTHER`;
    /// - Bedrock `end_turn`, `stop_sequence`, `max_tokens`, `tool_use`, `guardrail_intervened`,
    ///   `content_filtered`;
    /// - TGI `eos_token`, `stop_sequence`, `length`; Ollama `stop`, `length`.
    pub fn normalize(raw: &[u8]) -> FinishReason {
        let mut lower = [0u8; 40];
        let Some(slot) = lower.get_mut(..raw.len()) else {
            return FinishReason::Other;
        };
        slot.copy_from_slice(raw);
        slot.make_ascii_lowercase();
        match &*slot {
            b"stop"
            | b"end_turn"
            | b"stop_sequence"
            | b"eos_token"
            | b"completed"
            | b"end"
            | b"pause_turn"
            | b"finish_reason_stop" => FinishReason::Stop,
            b"length"
            | b"max_tokens"
            | b"incomplete"
            | b"model_length"
            | b"model_context_window_exceeded" => FinishReason::Length,
            b"tool_calls" | b"tool_use" | b"function_call" => FinishReason::ToolCalls,
            b"content_filter"
            | b"safety"
            | b"recitation"
            | b"blocklist"
            | b"prohibited_content"
            | b"spii"
            | b"image_safety"
            | b"guardrail_intervened"
            | b"content_filtered" => FinishReason::ContentFilter,
            b"refusal" => FinishReason::Refusal,
            b"failed" | b"error" | b"malformed_function_call" => FinishReason::Error,
            _ => FinishReason::Other,
        }
    }
}

/// What [`classify`] needs to know about a finished stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutcomeInputs {
    pub end: StreamEnd,
    /// HTTP status of the response (0 if none arrived).
    pub http_status: u16,
    pub error_event: bool,
    pub oversized: bool,
    /// The body was compressed and not parsed.
    pub encoded: bool,
    pub terminator_seen: bool,
    pub finish: Option<FinishReason>,
}

/// The outcome, most specific first: the transport (disconnect, reset) decides before
/// what the stream said; then errors, caps, limits; a stream that just stopped without
/// terminator or finish reason is `truncated`.
pub fn classify(i: OutcomeInputs) -> Outcome {
    match i.end {
        StreamEnd::ClientDisconnect => return Outcome::ClientDisconnect,
        StreamEnd::UpstreamReset => return Outcome::UpstreamReset,
        StreamEnd::Completed | StreamEnd::Unknown => {}
    }
    if i.error_event
        || i.finish == Some(FinishReason::Error)
        || !(200..300).contains(&i.http_status)
    {
        return Outcome::ErrorEvent;
    }
    if i.encoded {
        return Outcome::Encoded;
    }
    if i.oversized {
        return Outcome::Oversized;
    }
    if i.finish == Some(FinishReason::Length) {
        return Outcome::Length;
    }
    if !i.terminator_seen && i.finish.is_none() {
        return Outcome::Truncated;
    }
    Outcome::Complete
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn compressed_bodies_are_encoded_not_truncated() {
        let i = OutcomeInputs {
            encoded: true,
            ..inputs()
        };
        assert_eq!(classify(i), Outcome::Encoded);
    }

    fn inputs() -> OutcomeInputs {
        OutcomeInputs {
            end: StreamEnd::Completed,
            http_status: 200,
            error_event: false,
            oversized: false,
            encoded: false,
            terminator_seen: true,
            finish: Some(FinishReason::Stop),
        }
    }

    #[test]
    fn outcomes_in_order_of_precedence() {
        assert_eq!(classify(inputs()), Outcome::Complete);
        assert_eq!(
            classify(OutcomeInputs {
                finish: Some(FinishReason::Length),
                ..inputs()
            }),
            Outcome::Length
        );
        assert_eq!(
            classify(OutcomeInputs {
                terminator_seen: false,
                finish: None,
                ..inputs()
            }),
            Outcome::Truncated
        );
        assert_eq!(
            classify(OutcomeInputs {
                terminator_seen: false,
                ..inputs()
            }),
            Outcome::Complete
        );
        assert_eq!(
            classify(OutcomeInputs {
                oversized: true,
                ..inputs()
            }),
            Outcome::Oversized
        );
        assert_eq!(
            classify(OutcomeInputs {
                error_event: true,
                oversized: true,
                ..inputs()
            }),
            Outcome::ErrorEvent
        );
        assert_eq!(
            classify(OutcomeInputs {
                http_status: 429,
                ..inputs()
            }),
            Outcome::ErrorEvent
        );
        assert_eq!(
            classify(OutcomeInputs {
                end: StreamEnd::UpstreamReset,
                error_event: true,
                ..inputs()
            }),
            Outcome::UpstreamReset
        );
        assert_eq!(
            classify(OutcomeInputs {
                end: StreamEnd::ClientDisconnect,
                ..inputs()
            }),
            Outcome::ClientDisconnect
        );
    }

    #[test]
    fn finish_reasons_normalise_across_providers() {
        let cases: &[(&str, FinishReason)] = &[
            ("stop", FinishReason::Stop),
            ("end_turn", FinishReason::Stop),
            ("STOP", FinishReason::Stop),
            ("eos_token", FinishReason::Stop),
            ("completed", FinishReason::Stop),
            ("length", FinishReason::Length),
            ("max_tokens", FinishReason::Length),
            ("MAX_TOKENS", FinishReason::Length),
            ("tool_calls", FinishReason::ToolCalls),
            ("tool_use", FinishReason::ToolCalls),
            ("content_filter", FinishReason::ContentFilter),
            ("SAFETY", FinishReason::ContentFilter),
            ("guardrail_intervened", FinishReason::ContentFilter),
            ("refusal", FinishReason::Refusal),
            ("failed", FinishReason::Error),
            ("something_new", FinishReason::Other),
            ("", FinishReason::Other),
        ];
        for (raw, want) in cases {
            assert_eq!(FinishReason::normalize(raw.as_bytes()), *want, "{raw}");
        }
        assert_eq!(FinishReason::normalize(&[b'x'; 500]), FinishReason::Other);
    }

    #[test]
    fn envoy_code_details_classify_the_end() {
        assert_eq!(
            StreamEnd::from_code_details("downstream_remote_disconnect"),
            StreamEnd::ClientDisconnect
        );
        assert_eq!(
            StreamEnd::from_code_details("upstream_reset_after_response_started{remote_reset}"),
            StreamEnd::UpstreamReset
        );
        assert_eq!(
            StreamEnd::from_code_details("via_upstream"),
            StreamEnd::Unknown
        );
    }
}
