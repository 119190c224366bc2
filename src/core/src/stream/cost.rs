//! Cost of a request from its usage and the configured price table.
//!
//! Prices are in USD per million tokens, so `tokens × price` is directly in millionths of a
//! dollar (micro-USD), the unit of `llm_cost_usd_micros_total`.
//!
//! Providers count differently, and the formula follows each one's documented usage semantics:
//! - OpenAI-style APIs (chat, completions, Responses; vLLM, TGI, Ollama): `prompt_tokens`
//!   *includes* `cached_tokens`, `completion_tokens` *includes* `reasoning_tokens`
//!   (<https://platform.openai.com/docs/api-reference/chat/object#chat/object-usage>).
//! - Gemini: `promptTokenCount` includes `cachedContentTokenCount`; `thoughtsTokenCount` is
//!   *separate* from `candidatesTokenCount` (<https://ai.google.dev/api/generate-content#UsageMetadata>).
//! - Anthropic and Bedrock Converse: `input_tokens` / `inputTokens` *exclude* cache reads,
//!   reported apart (<https://docs.anthropic.com/en/api/messages>).

use crate::config::Price;
use crate::decode::{UsageReport, WireFormat};

/// How a format's usage report nests its sub-counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Semantics {
    cached_inside_input: bool,
    reasoning_inside_output: bool,
}

fn semantics(format: WireFormat) -> Semantics {
    match format {
        WireFormat::AnthropicMessages | WireFormat::BedrockConverse | WireFormat::BedrockInvoke => {
            Semantics {
                cached_inside_input: false,
                reasoning_inside_output: true,
            }
        }
        WireFormat::Gemini => Semantics {
            cached_inside_input: true,
            reasoning_inside_output: false,
        },
        WireFormat::OpenAiChat
        | WireFormat::OpenAiCompletions
        | WireFormat::OpenAiResponses
        | WireFormat::Ollama
        | WireFormat::TgiGenerate => Semantics {
            cached_inside_input: true,
            reasoning_inside_output: true,
        },
    }
}

/// Cost in micro-USD, rounded to the nearest integer; `None` without any token count.
pub fn cost_micros(format: WireFormat, usage: &UsageReport, price: &Price) -> Option<u64> {
    if usage.input.is_none() && usage.output.is_none() {
        return None;
    }
    let s = semantics(format);
    let input = usage.input.unwrap_or(0) as f64;
    let cached = usage.cached_input.unwrap_or(0) as f64;
    let output = usage.output.unwrap_or(0) as f64;
    let reasoning = usage.reasoning.unwrap_or(0) as f64;
    let uncached_input = if s.cached_inside_input {
        (input - cached).max(0.0)
    } else {
        input
    };
    let visible_output = if s.reasoning_inside_output {
        (output - reasoning).max(0.0)
    } else {
        output
    };
    let total = uncached_input * price.input
        + cached * price.cached_input.unwrap_or(price.input)
        + visible_output * price.output
        + reasoning * price.reasoning.unwrap_or(price.output);
    // Prices are validated finite and non-negative, token counts are finite: `total` is a
    // finite non-negative number; `as` saturates beyond u64::MAX.
    Some(total.round() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    const PRICE: Price = Price {
        input: 2.5,
        cached_input: Some(1.25),
        output: 10.0,
        reasoning: None,
    };

    #[test]
    fn openai_cached_and_reasoning_are_inside_the_totals() {
        let usage = UsageReport {
            input: Some(1000),
            output: Some(500),
            cached_input: Some(400),
            reasoning: Some(100),
        };
        // 600 × 2.5 + 400 × 1.25 + 400 × 10 + 100 × 10 = 1500 + 500 + 4000 + 1000
        assert_eq!(
            cost_micros(WireFormat::OpenAiChat, &usage, &PRICE),
            Some(7000)
        );
    }

    #[test]
    fn anthropic_cache_reads_are_apart_and_gemini_thoughts_are_apart() {
        let usage = UsageReport {
            input: Some(1000),
            output: Some(500),
            cached_input: Some(400),
            reasoning: None,
        };
        // 1000 × 2.5 + 400 × 1.25 + 500 × 10
        assert_eq!(
            cost_micros(WireFormat::AnthropicMessages, &usage, &PRICE),
            Some(8000)
        );
        let usage = UsageReport {
            input: Some(1000),
            output: Some(500),
            cached_input: None,
            reasoning: Some(200),
        };
        // 1000 × 2.5 + 500 × 10 + 200 × 10
        assert_eq!(cost_micros(WireFormat::Gemini, &usage, &PRICE), Some(9500));
    }

    #[test]
    fn no_usage_means_no_cost_and_fractions_round() {
        assert_eq!(
            cost_micros(WireFormat::OpenAiChat, &UsageReport::default(), &PRICE),
            None
        );
        let cheap = Price {
            input: 0.15,
            cached_input: None,
            output: 0.6,
            reasoning: None,
        };
        let usage = UsageReport {
            input: Some(3),
            output: Some(1),
            ..UsageReport::default()
        };
        // 0.45 + 0.6 = 1.05 → 1
        assert_eq!(cost_micros(WireFormat::OpenAiChat, &usage, &cheap), Some(1));
    }
}
