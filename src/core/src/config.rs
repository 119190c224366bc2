//! Plugin configuration: JSON (Envoy `StringValue`), parsed and validated once in
//! `on_configure`, then shared read-only by every stream of the VM.
//!
//! Unknown fields are errors (a typo must not silently turn a feature off). An empty
//! configuration means the defaults below. Field-by-field documentation: `docs/configuration.md`.

use crate::answer_label::config::{self as answer_label, AnswerLabelConfigError, AnswerLabelSpec};
use crate::decode::WireFormat;
use crate::prompt_sample::config::{PromptSamplingConfig, PromptSamplingConfigError};
use crate::refusal::{RefusalConfig, RefusalConfigError};
use crate::tokenize::config::{TokenizerConfig, TokenizerConfigError};
use serde::Deserialize;
use std::collections::BTreeMap;

/// Smallest accepted per-event cap, in bytes.
pub const MIN_EVENT_CAP_BYTES: usize = 1024;
/// Largest accepted per-event cap, in bytes (a per-stream buffer this big is already a lot
/// when multiplied by thousands of concurrent streams).
pub const MAX_EVENT_CAP_BYTES: usize = 16 * 1024 * 1024;
/// Largest accepted request-body capture, in bytes.
pub const MAX_REQUEST_CAPTURE_BYTES: usize = 16 * 1024 * 1024;
/// Largest accepted number of distinct values per request-derived label per VM.
pub const MAX_LABEL_VALUES_LIMIT: usize = 10_000;
/// Largest accepted price, in USD per million tokens.
pub const MAX_PRICE_USD_PER_MILLION: f64 = 1_000_000.0;

/// The validated configuration.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Routes whose wire format is forced, tried in order before the built-in detection.
    pub routes: Vec<RouteRule>,
    /// Recognise the well-known API paths (`/v1/chat/completions`, `/v1/messages`,
    /// `:streamGenerateContent`, `/api/chat`, …; see [`crate::request::route`]). Off: only `routes`.
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
    /// Distinct values per VM of each label taken from traffic (request and response
    /// model, consumer, destination service); later new values are labelled `other`.
    pub max_label_values: usize,
    /// Label values always admitted, not counted against `max_label_values`.
    pub label_allow_list: Vec<String>,
    /// Which labels the metrics carry.
    pub labels: LabelSwitches,
    /// Request header whose value becomes the `consumer` label (opt-in; e.g. `x-tenant-id`).
    pub consumer_header: Option<String>,
    /// Prices per model name (exact match first, then the longest configured prefix), in USD
    /// per million tokens; they drive `llm_cost_usd_micros_total`.
    pub prices: BTreeMap<String, Price>,
    /// Write per-request attributes (model, tokens, TTFT, finish reason, outcome, cost) to
    /// Envoy filter state under `wasm.llmtap.*` for access logs.
    pub filter_state: bool,
    /// Phrase-based refusal detection (structured refusal signals are always read).
    pub refusals: RefusalConfig,
    /// Counting tokens of streams that carry no usage report.
    pub tokenizer: TokenizerConfig,
    /// For OpenAI-compatible streaming requests that do not ask for usage, add
    /// `stream_options.include_usage = true` to the request body so the upstream reports
    /// exact usage. Off by default: it buffers those request bodies (up to
    /// `max_request_body_bytes`) and rewrites them; see docs/configuration.md.
    pub inject_include_usage: bool,
    /// Labels extracted from each answer (`llm_answer_labels_total`); a route's own list
    /// replaces this one.
    pub answer_labels: Vec<AnswerLabelSpec>,
    /// Prompt sampling for topic drift (`None`: off). See docs/prompt-sampling.md.
    pub prompt_sampling: Option<PromptSamplingConfig>,
}

/// Which labels the metrics carry (each can be switched off to cut series).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct LabelSwitches {
    pub request_model: bool,
    pub response_model: bool,
    pub provider: bool,
    pub operation: bool,
    /// From the upstream cluster name (`outbound|8000||vllm.ns.svc.cluster.local` → the host part).
    pub destination_service: bool,
    /// From Istio's node metadata `WORKLOAD_NAME`.
    pub source_workload: bool,
}

impl Default for LabelSwitches {
    fn default() -> Self {
        LabelSwitches {
            request_model: true,
            response_model: true,
            provider: true,
            operation: true,
            destination_service: false,
            source_workload: false,
        }
    }
}

/// Price of one model, in USD per million tokens.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Price {
    pub input: f64,
    /// Input tokens served from the prompt cache; default: `input`.
    #[serde(default)]
    pub cached_input: Option<f64>,
    pub output: f64,
    /// Reasoning tokens; default: `output`.
    #[serde(default)]
    pub reasoning: Option<f64>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            routes: Vec::new(),
            detect_by_path: true,
            provider_name: None,
            max_event_bytes: 64 * 1024,
            max_request_body_bytes: 64 * 1024,
            max_label_values: 64,
            label_allow_list: Vec::new(),
            labels: LabelSwitches::default(),
            consumer_header: None,
            prices: BTreeMap::new(),
            filter_state: true,
            refusals: RefusalConfig::default(),
            tokenizer: TokenizerConfig::default(),
            inject_include_usage: false,
            answer_labels: Vec::new(),
            prompt_sampling: None,
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
    /// A price that is negative, not finite or absurdly large.
    BadPrice { model: String },
    /// Not a lower-case HTTP header name.
    BadHeaderName { field: &'static str },
    /// The `refusals` section is invalid.
    Refusals(RefusalConfigError),
    /// The `tokenizer` section is invalid.
    Tokenizer(TokenizerConfigError),
    /// An `answer_labels` list is invalid.
    AnswerLabels(AnswerLabelConfigError),
    /// The `prompt_sampling` section is invalid.
    PromptSampling(PromptSamplingConfigError),
}

impl core::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ConfigError::Json(msg) => write!(f, "llmtap: invalid plugin configuration: {msg}"),
            ConfigError::OutOfRange { field, value, min, max } => write!(
                f,
                "llmtap: invalid plugin configuration: {field} = {value} is outside {min}..={max}"
            ),
            ConfigError::Refusals(e) => write!(f, "{e}"),
            ConfigError::Tokenizer(e) => write!(f, "{e}"),
            ConfigError::AnswerLabels(e) => write!(f, "{e}"),
            ConfigError::PromptSampling(e) => write!(f, "{e}"),
            ConfigError::BadPrice { model } => write!(
                f,
                "llmtap: invalid plugin configuration: prices[{model:?}]: price must be a finite number in 0..={MAX_PRICE_USD_PER_MILLION} (USD per million tokens)"
            ),
            ConfigError::BadHeaderName { field } => write!(
                f,
                "llmtap: invalid plugin configuration: {field} must be a lower-case HTTP header name (letters, digits, '-', '_')"
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
    /// The price of a model: exact name first, then the longest configured prefix.
    pub fn price_of(&self, model: &str) -> Option<&Price> {
        self.prices.get(model).or_else(|| {
            self.prices
                .iter()
                .filter(|(name, _)| model.starts_with(name.as_str()))
                .max_by_key(|(name, _)| name.len())
                .map(|(_, price)| price)
        })
    }

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
            "max_label_values",
            self.max_label_values,
            1,
            MAX_LABEL_VALUES_LIMIT,
        )?;
        check_not_blank("provider_name", self.provider_name.as_deref())?;
        self.refusals.validate().map_err(ConfigError::Refusals)?;
        self.tokenizer.validate().map_err(ConfigError::Tokenizer)?;
        for (model, price) in &self.prices {
            let values = [
                Some(price.input),
                price.cached_input,
                Some(price.output),
                price.reasoning,
            ];
            if values
                .iter()
                .flatten()
                .any(|v| !v.is_finite() || !(0.0..=MAX_PRICE_USD_PER_MILLION).contains(v))
            {
                return Err(ConfigError::BadPrice {
                    model: model.clone(),
                });
            }
        }
        if let Some(header) = &self.consumer_header {
            let valid = !header.is_empty()
                && header.bytes().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_'
                });
            if !valid {
                return Err(ConfigError::BadHeaderName {
                    field: "consumer_header",
                });
            }
        }
        if self.label_allow_list.iter().any(|v| v.trim().is_empty()) {
            return Err(ConfigError::Empty {
                field: "label_allow_list",
            });
        }
        answer_label::validate("answer_labels", &self.answer_labels)
            .map_err(ConfigError::AnswerLabels)?;
        if let Some(sampling) = &self.prompt_sampling {
            sampling.validate().map_err(ConfigError::PromptSampling)?;
        }
        for (index, rule) in self.routes.iter().enumerate() {
            if let Some(list) = &rule.answer_labels {
                answer_label::validate(&format!("routes[{index}].answer_labels"), list)
                    .map_err(ConfigError::AnswerLabels)?;
            }
            let prefix = rule.path_prefix.as_deref().unwrap_or_default();
            let suffix = rule.path_suffix.as_deref().unwrap_or_default();
            if prefix.trim().is_empty() && suffix.trim().is_empty() {
                return Err(ConfigError::Empty {
                    field: "routes[].path_prefix or routes[].path_suffix",
                });
            }
            check_not_blank("routes[].provider_name", rule.provider_name.as_deref())?;
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
    /// This route's answer labels, replacing the global list (`[]`: none on this route).
    #[serde(default)]
    pub answer_labels: Option<Vec<AnswerLabelSpec>>,
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

/// An optional `field` that is given must hold more than white space.
fn check_not_blank(field: &'static str, value: Option<&str>) -> Result<(), ConfigError> {
    if value.is_some_and(|v| v.trim().is_empty()) {
        return Err(ConfigError::Empty { field });
    }
    Ok(())
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
        assert_eq!(c.max_label_values, Config::default().max_label_values);
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
                r#"{"max_label_values":0}"#,
                "max_label_values = 0 is outside 1..=10000",
            ),
            (r#"{"labels":{"model":true}}"#, "unknown field `model`"),
            (
                r#"{"prices":{"gpt-4o":{"input":-1,"output":1}}}"#,
                "prices[\"gpt-4o\"]: price must be a finite number in 0..=1000000",
            ),
            (
                r#"{"prices":{"gpt-4o":{"input":1}}}"#,
                "missing field `output`",
            ),
            (
                r#"{"consumer_header":"Bad Header"}"#,
                "consumer_header must be a lower-case HTTP header name",
            ),
            (
                r#"{"label_allow_list":[""]}"#,
                "label_allow_list must not be empty or contain blank entries",
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
            (
                r#"{"prompt_sampling":{"rate":0.1,"token":"t"}}"#,
                "missing field `cluster`",
            ),
            (
                r#"{"prompt_sampling":{"rate":1.5,"cluster":"c","token":"t"}}"#,
                "prompt_sampling.rate must be a number in 0..=1",
            ),
            (
                r#"{"prompt_sampling":{"rate":-0.1,"cluster":"c","token":"t"}}"#,
                "prompt_sampling.rate must be a number in 0..=1",
            ),
            (
                r#"{"prompt_sampling":{"rate":0.1,"cluster":" ","token":"t"}}"#,
                "prompt_sampling.cluster must not be empty",
            ),
            (
                r#"{"prompt_sampling":{"rate":0.1,"cluster":"c","token":""}}"#,
                "prompt_sampling.token must not be empty",
            ),
            (
                r#"{"prompt_sampling":{"rate":0.1,"cluster":"c","token":"a\nb"}}"#,
                "prompt_sampling.token must be printable ASCII",
            ),
            (
                r#"{"prompt_sampling":{"rate":0.1,"cluster":"c","token":"t","path":"v1"}}"#,
                "prompt_sampling.path must start with '/'",
            ),
            (
                r#"{"prompt_sampling":{"rate":0.1,"cluster":"c","token":"t","max_prompt_bytes":10}}"#,
                "prompt_sampling.max_prompt_bytes = 10 is outside 64..=65536",
            ),
            (
                r#"{"prompt_sampling":{"rate":0.1,"cluster":"c","token":"t","max_queued_samples":0}}"#,
                "prompt_sampling.max_queued_samples = 0 is outside 1..=10000",
            ),
            (
                r#"{"prompt_sampling":{"rate":0.1,"cluster":"c","token":"t","flush_ms":5}}"#,
                "unknown field `flush_ms`",
            ),
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
    fn prompt_sampling_is_off_by_default_and_takes_defaults() {
        assert_eq!(Config::default().prompt_sampling, None);
        let c = Config::parse(
            br#"{"prompt_sampling":{"rate":0.02,"cluster":"llmtap_aggregator","token":"s3cret"}}"#,
        )
        .unwrap();
        let p = c.prompt_sampling.unwrap();
        assert_eq!(p.rate, 0.02);
        assert_eq!(p.path, "/v1/prompt-samples");
        assert_eq!(p.max_prompt_bytes, 2048);
        assert_eq!(
            (
                p.flush_interval_ms,
                p.timeout_ms,
                p.max_queued_samples,
                p.max_batch_samples,
                p.max_batch_bytes
            ),
            (1000, 5000, 256, 100, 512 * 1024)
        );
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
