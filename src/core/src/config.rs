//! Plugin configuration: JSON (Envoy `StringValue`), parsed and validated once in
//! `on_configure`, then shared read-only by every stream of the VM.
//!
//! Unknown fields are errors (a typo must not silently turn a feature off). An empty
//! configuration means the defaults below. Field-by-field documentation: `docs/configuration.md`.

use crate::formats::WireFormat;
use serde::Deserialize;

/// Smallest accepted per-event cap, in bytes.
pub const MIN_EVENT_CAP_BYTES: usize = 1024;
/// Largest accepted per-event cap, in bytes (a per-stream buffer this big is already a lot
/// when multiplied by thousands of concurrent streams).
pub const MAX_EVENT_CAP_BYTES: usize = 16 * 1024 * 1024;
/// Largest accepted request-body capture, in bytes.
pub const MAX_REQUEST_CAPTURE_BYTES: usize = 16 * 1024 * 1024;
/// Largest accepted number of distinct model label values per VM.
pub const MAX_MODEL_LABELS_LIMIT: usize = 10_000;

/// The validated configuration.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Routes whose wire format is forced, tried in order before the built-in detection.
    pub routes: Vec<RouteRule>,
    /// Recognise the well-known API paths (`/v1/chat/completions`, `/v1/messages`,
    /// `:streamGenerateContent`, `/api/chat`, …; see [`crate::route`]). Off: only `routes`.
    pub detect_by_path: bool,
    /// Value of the `gen_ai_provider_name` label for every route without its own
    /// (OpenTelemetry GenAI `gen_ai.provider.name`). Unset: derived from the wire format.
    pub provider_name: Option<String>,
    /// Cap in bytes on one server-sent event (the carried-over partial line plus the data
    /// collected so far). Past it the event is counted as oversized and skipped up to the
    /// next event boundary; the buffer never grows beyond the cap.
    pub max_event_bytes: usize,
    /// Cap in bytes on the part of the request body kept to read `model` and `stream`.
    /// Past it the prefix already kept is still searched for top-level fields.
    pub max_request_body_bytes: usize,
    /// Distinct `gen_ai_request_model` values per VM; later new models are labelled `other`.
    pub max_model_labels: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            routes: Vec::new(),
            detect_by_path: true,
            provider_name: None,
            max_event_bytes: 64 * 1024,
            max_request_body_bytes: 64 * 1024,
            max_model_labels: 64,
        }
    }
}

/// Why a configuration was rejected. The `Display` text is the one log line Envoy shows.
#[derive(Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// Not valid UTF-8 JSON, an unknown field, or a field of the wrong type.
    Json(String),
    /// A numeric field outside its accepted range.
    OutOfRange {
        field: &'static str,
        value: usize,
        min: usize,
        max: usize,
    },
    /// A list that must not be empty, or an entry that must not be blank.
    Empty { field: &'static str },
}

impl core::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ConfigError::Json(msg) => write!(f, "llmtap: invalid plugin configuration: {msg}"),
            ConfigError::OutOfRange { field, value, min, max } => write!(
                f,
                "llmtap: invalid plugin configuration: {field} = {value} is outside {min}..={max}"
            ),
            ConfigError::Empty { field } => write!(
                f,
                "llmtap: invalid plugin configuration: {field} must not be empty or contain blank entries"
            ),
        }
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Parses and validates the plugin configuration. Empty or all-whitespace input (Envoy
    /// passes nothing when `configuration` is unset) gives the defaults.
    pub fn parse(bytes: &[u8]) -> Result<Config, ConfigError> {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(Config::default());
        }
        if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
            return Err(ConfigError::Json("expected a JSON object".to_owned()));
        }
        let config: Config =
            serde_json::from_slice(bytes).map_err(|e| ConfigError::Json(e.to_string()))?;
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        check_range(
            "max_event_bytes",
            self.max_event_bytes,
            MIN_EVENT_CAP_BYTES,
            MAX_EVENT_CAP_BYTES,
        )?;
        check_range(
            "max_request_body_bytes",
            self.max_request_body_bytes,
            0,
            MAX_REQUEST_CAPTURE_BYTES,
        )?;
        check_range(
            "max_model_labels",
            self.max_model_labels,
            1,
            MAX_MODEL_LABELS_LIMIT,
        )?;
        if self
            .provider_name
            .as_deref()
            .is_some_and(|p| p.trim().is_empty())
        {
            return Err(ConfigError::Empty {
                field: "provider_name",
            });
        }
        for rule in &self.routes {
            let prefix = rule.path_prefix.as_deref().unwrap_or_default();
            let suffix = rule.path_suffix.as_deref().unwrap_or_default();
            if prefix.trim().is_empty() && suffix.trim().is_empty() {
                return Err(ConfigError::Empty {
                    field: "routes[].path_prefix or routes[].path_suffix",
                });
            }
            if rule
                .provider_name
                .as_deref()
                .is_some_and(|p| p.trim().is_empty())
            {
                return Err(ConfigError::Empty {
                    field: "routes[].provider_name",
                });
            }
        }
        Ok(())
    }
}

/// A route whose wire format is forced. A request matches when its path (query excluded)
/// starts with `path_prefix` and ends with `path_suffix` (each optional, one required).
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct RouteRule {
    #[serde(default)]
    pub path_prefix: Option<String>,
    #[serde(default)]
    pub path_suffix: Option<String>,
    /// One of `openai_chat`, `openai_completions`, `openai_responses`, `anthropic_messages`,
    /// `gemini`, `ollama`, `tgi`, `bedrock_converse`, `bedrock_invoke`.
    pub format: FormatName,
    /// `gen_ai_provider_name` for this route (e.g. `vllm`).
    #[serde(default)]
    pub provider_name: Option<String>,
}

impl RouteRule {
    /// Whether `path` (query already removed) matches this rule.
    pub fn matches(&self, path: &str) -> bool {
        self.path_prefix
            .as_deref()
            .is_none_or(|p| path.starts_with(p))
            && self
                .path_suffix
                .as_deref()
                .is_none_or(|s| path.ends_with(s))
    }
}

/// Configuration names of the wire formats.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FormatName {
    OpenaiChat,
    OpenaiCompletions,
    OpenaiResponses,
    AnthropicMessages,
    Gemini,
    Ollama,
    Tgi,
    BedrockConverse,
    BedrockInvoke,
}

impl From<FormatName> for WireFormat {
    fn from(name: FormatName) -> WireFormat {
        match name {
            FormatName::OpenaiChat => WireFormat::OpenAiChat,
            FormatName::OpenaiCompletions => WireFormat::OpenAiCompletions,
            FormatName::OpenaiResponses => WireFormat::OpenAiResponses,
            FormatName::AnthropicMessages => WireFormat::AnthropicMessages,
            FormatName::Gemini => WireFormat::Gemini,
            FormatName::Ollama => WireFormat::Ollama,
            FormatName::Tgi => WireFormat::TgiGenerate,
            FormatName::BedrockConverse => WireFormat::BedrockConverse,
            FormatName::BedrockInvoke => WireFormat::BedrockInvoke,
        }
    }
}

fn check_range(
    field: &'static str,
    value: usize,
    min: usize,
    max: usize,
) -> Result<(), ConfigError> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(ConfigError::OutOfRange {
            field,
            value,
            min,
            max,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn empty_configuration_gives_defaults() {
        assert_eq!(Config::parse(b"").unwrap(), Config::default());
        assert_eq!(Config::parse(b"  \n").unwrap(), Config::default());
        assert_eq!(Config::parse(b"{}").unwrap(), Config::default());
    }

    #[test]
    fn fields_override_defaults() {
        let c = Config::parse(br#"{"provider_name":"vllm","max_event_bytes":4096}"#).unwrap();
        assert_eq!(c.provider_name.as_deref(), Some("vllm"));
        assert_eq!(c.max_event_bytes, 4096);
        assert_eq!(c.max_model_labels, Config::default().max_model_labels);
    }

    #[test]
    fn every_invalid_configuration_is_rejected_with_a_clear_message() {
        let cases: &[(&str, &str)] = &[
            ("{", "invalid plugin configuration: EOF"),
            ("[]", "expected a JSON object"),
            (r#"{"max_event_byte":1}"#, "unknown field `max_event_byte`"),
            (r#"{"max_event_bytes":"big"}"#, "invalid type: string"),
            (r#"{"max_event_bytes":-1}"#, "invalid value: integer `-1`"),
            (
                r#"{"max_event_bytes":10}"#,
                "max_event_bytes = 10 is outside 1024..=16777216",
            ),
            (
                r#"{"max_model_labels":0}"#,
                "max_model_labels = 0 is outside 1..=10000",
            ),
            (
                r#"{"routes":[{"format":"gemini"}]}"#,
                "routes[].path_prefix or routes[].path_suffix must not be empty",
            ),
            (
                r#"{"routes":[{"path_prefix":"/x","format":"grpc"}]}"#,
                "unknown variant `grpc`",
            ),
            (
                r#"{"routes":[{"path_prefix":"/x"}]}"#,
                "missing field `format`",
            ),
            (
                r#"{"routes":[{"path_prefix":"/x","format":"tgi","provider_name":" "}]}"#,
                "routes[].provider_name must not be empty",
            ),
            (
                r#"{"routes":[{"path_prefix":"/x","format":"tgi","flavour":1}]}"#,
                "unknown field `flavour`",
            ),
            (r#"{"provider_name":""}"#, "provider_name must not be empty"),
            (r#"{"detect_by_path":"yes"}"#, "invalid type: string"),
        ];
        for (input, expected) in cases {
            let err = Config::parse(input.as_bytes()).unwrap_err().to_string();
            assert!(err.contains(expected), "{input}: got {err}");
            assert!(
                err.starts_with("llmtap: invalid plugin configuration"),
                "{err}"
            );
            assert!(!err.contains('\n'), "one line: {err}");
        }
        assert!(Config::parse(&[0xff, 0xfe]).is_err());
    }

    #[test]
    fn route_rules_match_prefix_and_suffix() {
        let c = Config::parse(br#"{"routes":[{"path_prefix":"/vllm/","path_suffix":"/completions","format":"openai_completions","provider_name":"vllm"}]}"#).unwrap();
        let rule = &c.routes[0];
        assert!(rule.matches("/vllm/v1/completions"));
        assert!(!rule.matches("/other/v1/completions"));
        assert!(!rule.matches("/vllm/v1/models"));
        assert_eq!(WireFormat::from(rule.format), WireFormat::OpenAiCompletions);
    }
}
