//! Which API a request belongs to, from its path: configured routes first, then the
//! well-known paths of each provider.

use crate::config::Config;
use crate::decode::WireFormat;

/// The API of one request, with its OpenTelemetry GenAI labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RouteMatch {
    pub format: WireFormat,
    /// `gen_ai.operation.name`.
    pub operation: &'static str,
    /// Index of the configured route that matched (its provider name wins), if any.
    pub rule: Option<usize>,
    /// Default `gen_ai.provider.name` for the detected API.
    pub default_provider: &'static str,
}

/// Finds the API of a request path (query string and trailing `/` ignored).
pub fn detect(config: &Config, path: &str) -> Option<RouteMatch> {
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    let path = path.strip_suffix('/').unwrap_or(path);
    if let Some((index, rule)) = config
        .routes
        .iter()
        .enumerate()
        .find(|(_, r)| r.matches(path))
    {
        let format = WireFormat::from(rule.format);
        return Some(RouteMatch {
            rule: Some(index),
            ..defaults(format, path)
        });
    }
    if !config.detect_by_path {
        return None;
    }
    detect_well_known(path).map(|format| defaults(format, path))
}

/// The built-in path table.
///
/// | path | API |
/// |---|---|
/// | `…/chat/completions` | OpenAI chat (also Azure deployments, vLLM, SGLang, TGI Messages, Ollama's OpenAI layer) |
/// | `…/completions` | OpenAI completions |
/// | `…/responses` | OpenAI Responses |
/// | `…/v1/messages` | Anthropic Messages |
/// | `…:streamGenerateContent`, `…:generateContent` | Gemini / Vertex AI |
/// | `/api/chat`, `/api/generate` | Ollama |
/// | `…/generate_stream`, `…/generate` | TGI |
/// | `…/converse-stream`, `…/converse` | Bedrock Converse |
/// | `…/invoke-with-response-stream`, `…/invoke` | Bedrock InvokeModel |
fn detect_well_known(path: &str) -> Option<WireFormat> {
    let format = if path.ends_with("/chat/completions") {
        WireFormat::OpenAiChat
    } else if path.ends_with("/completions") {
        WireFormat::OpenAiCompletions
    } else if path.ends_with("/responses") {
        WireFormat::OpenAiResponses
    } else if path.ends_with("/v1/messages") {
        WireFormat::AnthropicMessages
    } else if path.ends_with(":streamGenerateContent") || path.ends_with(":generateContent") {
        WireFormat::Gemini
    } else if path.ends_with("/api/chat") || path.ends_with("/api/generate") {
        WireFormat::Ollama
    } else if path.ends_with("/generate_stream") || path.ends_with("/generate") {
        WireFormat::TgiGenerate
    } else if path.ends_with("/converse-stream") || path.ends_with("/converse") {
        WireFormat::BedrockConverse
    } else if path.ends_with("/invoke-with-response-stream") || path.ends_with("/invoke") {
        WireFormat::BedrockInvoke
    } else {
        return None;
    };
    Some(format)
}

fn defaults(format: WireFormat, path: &str) -> RouteMatch {
    let (operation, default_provider) = match format {
        WireFormat::OpenAiChat => ("chat", "openai"),
        WireFormat::OpenAiCompletions => ("text_completion", "openai"),
        WireFormat::OpenAiResponses => ("chat", "openai"),
        WireFormat::AnthropicMessages => ("chat", "anthropic"),
        WireFormat::Gemini if path.contains("/publishers/google/") => {
            ("generate_content", "gcp.vertex_ai")
        }
        WireFormat::Gemini => ("generate_content", "gcp.gemini"),
        WireFormat::Ollama if path.ends_with("/api/generate") => ("text_completion", "ollama"),
        WireFormat::Ollama => ("chat", "ollama"),
        WireFormat::TgiGenerate => ("text_completion", "huggingface"),
        WireFormat::BedrockConverse | WireFormat::BedrockInvoke => ("chat", "aws.bedrock"),
    };
    RouteMatch {
        format,
        operation,
        rule: None,
        default_provider,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn well_known_paths_pick_their_api() {
        let c = Config::default();
        type Expected = Option<(WireFormat, &'static str, &'static str)>;
        let cases: &[(&str, Expected)] = &[
            ("/v1/chat/completions", Some((WireFormat::OpenAiChat, "chat", "openai"))),
            ("/openai/deployments/gpt/chat/completions?api-version=1", Some((WireFormat::OpenAiChat, "chat", "openai"))),
            ("/v1/completions", Some((WireFormat::OpenAiCompletions, "text_completion", "openai"))),
            ("/v1/responses", Some((WireFormat::OpenAiResponses, "chat", "openai"))),
            ("/v1/messages", Some((WireFormat::AnthropicMessages, "chat", "anthropic"))),
            (
                "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse",
                Some((WireFormat::Gemini, "generate_content", "gcp.gemini")),
            ),
            (
                "/v1/projects/p/locations/l/publishers/google/models/gemini-3:streamGenerateContent",
                Some((WireFormat::Gemini, "generate_content", "gcp.vertex_ai")),
            ),
            ("/api/chat", Some((WireFormat::Ollama, "chat", "ollama"))),
            ("/api/generate", Some((WireFormat::Ollama, "text_completion", "ollama"))),
            ("/generate_stream", Some((WireFormat::TgiGenerate, "text_completion", "huggingface"))),
            ("/model/anthropic.claude-v2/converse-stream", Some((WireFormat::BedrockConverse, "chat", "aws.bedrock"))),
            (
                "/model/anthropic.claude-v2/invoke-with-response-stream",
                Some((WireFormat::BedrockInvoke, "chat", "aws.bedrock")),
            ),
            ("/v1/embeddings", None),
            ("/healthz", None),
            ("/v1/chat/completions/extra", None),
        ];
        for (path, want) in cases {
            let got = detect(&c, path).map(|m| (m.format, m.operation, m.default_provider));
            assert_eq!(got, *want, "{path}");
        }
    }

    #[test]
    fn configured_routes_win_and_detection_can_be_switched_off() {
        let c = Config::parse(
            br#"{"detect_by_path":false,"routes":[{"path_prefix":"/llm/","format":"anthropic_messages","provider_name":"vllm"}]}"#,
        )
        .unwrap();
        let m = detect(&c, "/llm/anything").unwrap();
        assert_eq!((m.format, m.rule), (WireFormat::AnthropicMessages, Some(0)));
        assert_eq!(detect(&c, "/v1/chat/completions"), None);
    }
}
