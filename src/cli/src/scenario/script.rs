//! What the demo scenario sends (pure and deterministic): four models, a baseline phase,
//! then an incident phase in which one model's prompts get 6× longer, a second model's
//! first token comes 3× later, a third model's answers are refused in bursts, and a fourth
//! stays the same (the control). The mock LLM is driven by `x-mock-*` request headers.
//!
//! The values are chosen inside wide histogram buckets (docs/metrics.md), so that timing
//! jitter of a loaded machine does not move the control's observations across bucket bounds.

/// What happens to a model during the incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Prompts 6× longer: `prompt_tokens` drift.
    LongerPrompts,
    /// Half the answers refused in the last spike window: a `refusal_rate` spike.
    RefusalBurst,
    /// First token 3× later: `ttft` drift (throughput unchanged).
    SlowFirstToken,
    /// Unchanged: no drift, no spike.
    Control,
}

impl Role {
    /// What the incident does to the model, in words.
    pub fn story(self) -> &'static str {
        match self {
            Role::LongerPrompts => "prompts get 6× longer",
            Role::RefusalBurst => "a burst of refusals (content_filter)",
            Role::SlowFirstToken => "the first token comes 3× later",
            Role::Control => "control: nothing changes",
        }
    }

    /// The verdict the aggregator should reach: (`drift` feature or `spike` signal, name).
    pub fn expected(self) -> Option<Expected> {
        match self {
            Role::LongerPrompts => Some(Expected::Drift("prompt_tokens")),
            Role::RefusalBurst => Some(Expected::Spike("refusal_rate")),
            Role::SlowFirstToken => Some(Expected::Drift("ttft")),
            Role::Control => None,
        }
    }
}

/// A verdict the scenario scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A `drift` verdict on this feature.
    Drift(&'static str),
    /// A `spike` verdict on this signal.
    Spike(&'static str),
}

/// A model of the scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScriptedModel {
    pub name: &'static str,
    pub role: Role,
}

/// The scenario's models, sent in turn.
pub const MODELS: [ScriptedModel; 4] = [
    ScriptedModel {
        name: "gpt-4o-mini",
        role: Role::LongerPrompts,
    },
    ScriptedModel {
        name: "llama-3.1-8b-instruct",
        role: Role::RefusalBurst,
    },
    ScriptedModel {
        name: "qwen2.5-7b",
        role: Role::SlowFirstToken,
    },
    ScriptedModel {
        name: "mistral-7b-instruct",
        role: Role::Control,
    },
];

/// The phase a request is sent in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Baseline,
    /// The incident; `burst` during its last spike window (the refusal burst).
    Incident {
        burst: bool,
    },
}

/// Prompt lengths cycled through, in tokens (the mock counts ⌈characters / 4⌉).
const PROMPT_TOKENS: [u32; 4] = [60, 90, 150, 280];
/// Completion tokens cycled through (3 per content event).
const OUTPUT_TOKENS: [u32; 4] = [6, 12, 30, 45];
/// Words per content event.
const TOKENS_PER_EVENT: u32 = 3;
/// Delays between content events, in milliseconds, cycled through.
const TOKEN_DELAYS_MS: [u64; 3] = [62, 87, 125];
/// Times to first token, in milliseconds, cycled through.
const TTFT_MS: [u64; 4] = [120, 170, 300, 400];
/// One refusal in this many baseline answers of the refusal model (2.5 %).
const BASELINE_REFUSAL_EVERY: u32 = 40;
/// One refusal in this many answers of the refusal model during the burst (50 %).
const BURST_REFUSAL_EVERY: u32 = 2;

const SYSTEM_PROMPT: &str = "You are a helpful assistant.";
const FILLER: &str = "Explain how a service mesh measures streaming answers. ";

/// One request of the scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioRequest {
    pub model: &'static str,
    /// The JSON chat completion request (streaming, usage on).
    pub body: String,
    /// `x-mock-*` headers telling the mock how to answer.
    pub headers: Vec<(&'static str, String)>,
    /// Prompt tokens the mock will report.
    pub prompt_tokens: u32,
    /// Content events the answer will have.
    pub content_events: u32,
    /// Whether the answer ends with `finish_reason: content_filter` (a refusal).
    pub refused: bool,
}

/// A prompt of exactly `chars` characters.
fn filler(chars: usize) -> String {
    FILLER.chars().cycle().take(chars).collect()
}

/// Request number `n` (counted per model) of `model` in `phase`.
pub fn request(model: &ScriptedModel, phase: Phase, n: u32) -> ScenarioRequest {
    let i = n as usize;
    let incident = matches!(phase, Phase::Incident { .. });
    let mut prompt_tokens = PROMPT_TOKENS[i % PROMPT_TOKENS.len()];
    if incident && model.role == Role::LongerPrompts {
        prompt_tokens *= 6;
    }
    let mut ttft_ms = TTFT_MS[(i / 3) % TTFT_MS.len()];
    if incident && model.role == Role::SlowFirstToken {
        ttft_ms *= 3;
    }
    let refusal_every = match phase {
        Phase::Incident { burst: true } => BURST_REFUSAL_EVERY,
        _ => BASELINE_REFUSAL_EVERY,
    };
    let refused = model.role == Role::RefusalBurst && n.is_multiple_of(refusal_every);
    let tokens = OUTPUT_TOKENS[(i / 2) % OUTPUT_TOKENS.len()];
    let token_delay_ms = TOKEN_DELAYS_MS[(i / 4) % TOKEN_DELAYS_MS.len()];
    let user_chars = (prompt_tokens as usize * 4).saturating_sub(SYSTEM_PROMPT.len());
    let body = serde_json::json!({
        "model": model.name,
        "stream": true,
        "stream_options": {"include_usage": true},
        "messages": [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": filler(user_chars)},
        ],
    })
    .to_string();
    let mut headers = vec![
        ("x-mock-ttft-ms", ttft_ms.to_string()),
        ("x-mock-token-delay-ms", token_delay_ms.to_string()),
        ("x-mock-tokens", tokens.to_string()),
        ("x-mock-tokens-per-event", TOKENS_PER_EVENT.to_string()),
    ];
    if refused {
        headers.push(("x-mock-finish-reason", "content_filter".to_owned()));
    }
    ScenarioRequest {
        model: model.name,
        body,
        headers,
        prompt_tokens,
        content_events: tokens.div_ceil(TOKENS_PER_EVENT),
        refused,
    }
}

/// The aggregator's windows in the demo, in seconds: short, so verdicts arrive in a minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoWindows {
    pub current: u64,
    pub reference: u64,
    pub spike: u64,
    pub trailing: u64,
}

/// The demo's windows: a 25 s current window against the 40 s before it; 5 s spike windows
/// against the 30 s before them.
pub const WINDOWS: DemoWindows = DemoWindows {
    current: 25,
    reference: 40,
    spike: 5,
    trailing: 30,
};

#[cfg(test)]
mod tests {
    use super::*;

    fn header<'a>(r: &'a ScenarioRequest, name: &str) -> Option<&'a str> {
        r.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    fn mean(values: impl Iterator<Item = f64>) -> f64 {
        let v: Vec<f64> = values.collect();
        v.iter().sum::<f64>() / v.len() as f64
    }

    #[test]
    fn the_mock_counts_the_prompt_lengths_the_script_intends() {
        for model in &MODELS {
            for phase in [Phase::Baseline, Phase::Incident { burst: false }] {
                for n in 0..8 {
                    let r = request(model, phase, n);
                    let body: serde_json::Value = serde_json::from_str(&r.body).unwrap();
                    // The mock's prompt tokens (docs/cli.md): ⌈characters of all contents / 4⌉.
                    let chars: usize = body["messages"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|m| m["content"].as_str().unwrap().chars().count())
                        .sum();
                    assert_eq!(chars.div_ceil(4), r.prompt_tokens as usize);
                    assert_eq!(body["model"], model.name);
                    assert_eq!(body["stream"], true);
                }
            }
        }
    }

    #[test]
    fn only_the_scripted_model_changes_in_the_incident() {
        let incident = Phase::Incident { burst: true };
        for model in &MODELS {
            let before: Vec<ScenarioRequest> = (0..240)
                .map(|n| request(model, Phase::Baseline, n))
                .collect();
            let after: Vec<ScenarioRequest> =
                (0..240).map(|n| request(model, incident, n)).collect();
            let prompts =
                |rs: &[ScenarioRequest]| mean(rs.iter().map(|r| f64::from(r.prompt_tokens)));
            let ttft = |rs: &[ScenarioRequest]| {
                mean(
                    rs.iter()
                        .map(|r| header(r, "x-mock-ttft-ms").unwrap().parse::<f64>().unwrap()),
                )
            };
            let refusals = |rs: &[ScenarioRequest]| rs.iter().filter(|r| r.refused).count();
            let (p, t, f) = (
                prompts(&after) / prompts(&before),
                ttft(&after) / ttft(&before),
                (refusals(&before), refusals(&after)),
            );
            match model.role {
                Role::LongerPrompts => assert_eq!((p, t, f), (6.0, 1.0, (0, 0))),
                Role::SlowFirstToken => assert_eq!((p, t, f), (1.0, 3.0, (0, 0))),
                Role::RefusalBurst => assert_eq!((p, t, f), (1.0, 1.0, (6, 120))),
                Role::Control => assert_eq!((p, t, f), (1.0, 1.0, (0, 0))),
            }
            assert_eq!(
                before.iter().map(|r| r.content_events).collect::<Vec<_>>(),
                after.iter().map(|r| r.content_events).collect::<Vec<_>>()
            );
        }
        let refused = request(&MODELS[1], incident, 0);
        assert_eq!(
            header(&refused, "x-mock-finish-reason"),
            Some("content_filter")
        );
        assert_eq!(refused.content_events, 2);
    }

    #[test]
    fn every_role_but_the_control_expects_a_verdict() {
        let expected: Vec<Option<Expected>> = MODELS.iter().map(|m| m.role.expected()).collect();
        assert_eq!(
            expected,
            vec![
                Some(Expected::Drift("prompt_tokens")),
                Some(Expected::Spike("refusal_rate")),
                Some(Expected::Drift("ttft")),
                None
            ]
        );
    }
}
