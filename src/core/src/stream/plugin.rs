//! The VM-wide plugin state shared by every stream: the validated configuration, the metric
//! id cache, the provider labels, the refusal phrases and the tokenizers. Built once in
//! `on_configure`.

use crate::answer_label::VmAnswerLabels;
use crate::config::Config;
use crate::host::Host;
use crate::metrics::catalogue as m;
use crate::metrics::registry::{MetricRegistry, OVERFLOW_LABEL_VALUE};
use crate::prompt_sample::{PromptSampler, Settled};
use crate::refusal::RefusalMatcher;
use crate::request::route::RouteMatch;
use crate::tokenize::{self, Encoding, Tokenizer};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Everything shared by the streams of one VM: the validated configuration, the metric
/// id cache and the provider labels. Built once in `on_configure`.
#[derive(Debug)]
pub struct Plugin {
    pub config: Config,
    registry: RefCell<MetricRegistry>,
    /// Sanitised global provider override.
    provider_override: Option<String>,
    /// Sanitised provider per configured route (`None`: not set on the route).
    route_providers: Vec<Option<String>>,
    /// `source_workload`, read from the node metadata once per VM.
    source_workload: RefCell<Option<String>>,
    /// `llm_requests_in_flight` ids (awaiting, streaming), resolved once.
    in_flight: Cell<Option<(Option<u32>, Option<u32>)>>,
    /// Compiled refusal phrases (`None` when phrase detection is off).
    pub(super) refusals: Option<RefusalMatcher>,
    /// Tokenizers per encoding ([`Encoding::ALL`] order), built on first use.
    tokenizers: RefCell<[TokenizerSlot; 2]>,
    /// Answer-label extractors and their per-VM value budget.
    pub(super) answer_labels: VmAnswerLabels,
    /// Prompt sampling and its queue (`None`: off). HTTP contexts queue, the root context
    /// sends: both run on the VM's one thread.
    prompt_sampler: Option<PromptSampler>,
}

/// A tokenizer not built yet, built, or failed to build (then streams are estimated).
#[derive(Debug)]
enum TokenizerSlot {
    Unbuilt,
    Built(Rc<Tokenizer>),
    /// The error, logged once by the next stream that ends.
    Failed(Option<String>),
}

impl Plugin {
    /// Builds the plugin, compiling the refusal phrases: the only step that can fail after
    /// [`Config::parse`] validated the configuration.
    pub fn build(config: Config) -> Result<Rc<Plugin>, crate::config::ConfigError> {
        let refusals = if config.refusals.enabled {
            Some(
                RefusalMatcher::new(&config.refusals)
                    .map_err(crate::config::ConfigError::Refusals)?,
            )
        } else {
            None
        };
        let prompt_sampler = match &config.prompt_sampling {
            Some(c) => Some(PromptSampler::new(c.clone()).map_err(|e| {
                crate::config::ConfigError::Json(format!("prompt_sampling: redactor: {e}"))
            })?),
            None => None,
        };
        let preload = config.tokenizer.enabled && config.tokenizer.preload;
        let plugin = Plugin::assemble(config, refusals, prompt_sampler);
        if preload {
            for e in Encoding::ALL.into_iter().filter(|e| e.is_linked()) {
                plugin.tokenizer(e);
            }
        }
        Ok(plugin)
    }

    /// The tokenizer of a linked encoding, built on first use (`None` if it cannot be).
    pub fn tokenizer(&self, encoding: Encoding) -> Option<Rc<Tokenizer>> {
        if !self.config.tokenizer.enabled || !encoding.is_linked() {
            return None;
        }
        let index = Encoding::ALL.iter().position(|&e| e == encoding)?;
        let mut slots = self.tokenizers.try_borrow_mut().ok()?;
        let slot = slots.get_mut(index)?;
        if let TokenizerSlot::Unbuilt = slot {
            *slot = match tokenize::build(encoding) {
                Ok(t) => TokenizerSlot::Built(Rc::new(t)),
                Err(e) => TokenizerSlot::Failed(Some(e)),
            };
        }
        match slot {
            TokenizerSlot::Built(t) => Some(Rc::clone(t)),
            _ => None,
        }
    }

    /// Logs a tokenizer build failure once.
    pub(super) fn log_tokenizer_failure(&self, host: &dyn Host) {
        if let Ok(mut slots) = self.tokenizers.try_borrow_mut() {
            for slot in slots.iter_mut() {
                if let TokenizerSlot::Failed(error) = slot {
                    if let Some(error) = error.take() {
                        host.log(
                            crate::host::LogLevel::Error,
                            &format!("llmtap: tokenizer unavailable, counting estimates: {error}"),
                        );
                    }
                }
            }
        }
    }

    /// [`Plugin::build`] for configurations known to be valid (defaults, tests); phrase
    /// detection stays off if the phrases cannot be compiled.
    pub fn new(config: Config) -> Rc<Plugin> {
        let refusals = if config.refusals.enabled {
            RefusalMatcher::new(&config.refusals).ok()
        } else {
            None
        };
        let prompt_sampler = config
            .prompt_sampling
            .clone()
            .and_then(|c| PromptSampler::new(c).ok());
        Plugin::assemble(config, refusals, prompt_sampler)
    }

    fn assemble(
        config: Config,
        refusals: Option<RefusalMatcher>,
        prompt_sampler: Option<PromptSampler>,
    ) -> Rc<Plugin> {
        let sanitize = |raw: &str| {
            let mut out = String::new();
            m::sanitize_label_value(raw.as_bytes(), &mut out);
            out
        };
        let registry = RefCell::new(MetricRegistry::new(&config));
        let provider_override = config.provider_name.as_deref().map(sanitize);
        let route_providers = config
            .routes
            .iter()
            .map(|r| r.provider_name.as_deref().map(sanitize))
            .collect();
        Rc::new(Plugin {
            registry,
            provider_override,
            route_providers,
            source_workload: RefCell::new(None),
            in_flight: Cell::new(None),
            refusals,
            tokenizers: RefCell::new([TokenizerSlot::Unbuilt, TokenizerSlot::Unbuilt]),
            answer_labels: VmAnswerLabels::new(&config),
            prompt_sampler,
            config,
        })
    }

    /// The prompt sampler, when `prompt_sampling` is configured.
    pub fn prompt_sampler(&self) -> Option<&PromptSampler> {
        self.prompt_sampler.as_ref()
    }

    /// Counts settled samples in `llm_prompt_samples_total{result}`.
    pub fn count_prompt_samples(&self, host: &dyn Host, settled: Settled) {
        for (result, n) in [("sent", settled.sent), ("dropped", settled.dropped)] {
            if n == 0 {
                continue;
            }
            if let Some(id) = self.id(host, &m::PROMPT_SAMPLES_TOTAL, &[(m::LABEL_RESULT, result)])
            {
                host.increment_metric(id, i64::try_from(n).unwrap_or(i64::MAX));
            }
        }
    }

    /// The root context's tick: sends the next batch through `dispatch` (see
    /// [`PromptSampler::flush`]) and counts what settled. `unix_ms` is the wall clock.
    pub fn flush_prompt_samples(
        &self,
        host: &dyn Host,
        unix_ms: u64,
        dispatch: impl FnOnce(&str, &[(&str, &str)], &[u8], u64) -> Result<u32, ()>,
    ) {
        if let Some(sampler) = &self.prompt_sampler {
            let settled = sampler.flush(host.now_micros(), unix_ms, dispatch);
            self.count_prompt_samples(host, settled);
        }
    }

    /// This plugin is being replaced by a new configuration: its queued and in-flight
    /// samples count as dropped.
    pub fn retire_prompt_samples(&self, host: &dyn Host) {
        if let Some(sampler) = &self.prompt_sampler {
            let settled = sampler.abandon();
            self.count_prompt_samples(host, settled);
        }
    }

    /// The answer to a batch call (`status`: its `:status`, `None` without one).
    pub fn on_prompt_samples_response(&self, host: &dyn Host, token: u32, status: Option<u16>) {
        if let Some(sampler) = &self.prompt_sampler {
            let settled = sampler.on_response(token, status);
            self.count_prompt_samples(host, settled);
        }
    }

    /// Number of series defined so far in this VM.
    pub fn series(&self) -> usize {
        self.registry.try_borrow().map_or(0, |r| r.series())
    }

    pub(super) fn provider(&self, route: &RouteMatch) -> &str {
        route
            .rule
            .and_then(|i| self.route_providers.get(i))
            .and_then(|p| p.as_deref())
            .or(self.provider_override.as_deref())
            .unwrap_or(route.default_provider)
    }

    /// The id of a series (defined on first use). Never re-entered (one callback at a time
    /// per VM); a failed borrow is a no-op.
    pub(crate) fn id(
        &self,
        host: &dyn Host,
        def: &m::MetricDef,
        labels: &[(&str, &str)],
    ) -> Option<u32> {
        self.registry
            .try_borrow_mut()
            .ok()
            .and_then(|mut r| r.id(host, def, labels))
    }

    pub(super) fn bounded(&self, key: &'static str, raw: Option<&[u8]>) -> String {
        let mut out = String::new();
        match self.registry.try_borrow_mut() {
            Ok(mut r) => r.bounded_label(key, raw, &mut out),
            Err(_) => out.push_str(OVERFLOW_LABEL_VALUE),
        }
        out
    }

    pub(super) fn source_workload(&self, host: &dyn Host) -> String {
        if let Ok(cached) = self.source_workload.try_borrow() {
            if let Some(value) = cached.as_ref() {
                return value.clone();
            }
        }
        let raw = host.property(&["node", "metadata", "WORKLOAD_NAME"]);
        let mut value = String::new();
        m::sanitize_label_value(raw.as_deref().unwrap_or_default(), &mut value);
        if let Ok(mut cached) = self.source_workload.try_borrow_mut() {
            *cached = Some(value.clone());
        }
        value
    }

    /// Moves the in-flight gauge: `delta` on the given phase.
    pub(super) fn in_flight(&self, host: &dyn Host, phase: Phase, delta: i64) {
        let ids = match self.in_flight.get() {
            Some(ids) => ids,
            None => {
                let awaiting = self.id(
                    host,
                    &m::REQUESTS_IN_FLIGHT,
                    &[(m::LABEL_PHASE, "awaiting_first_token")],
                );
                let streaming = self.id(
                    host,
                    &m::REQUESTS_IN_FLIGHT,
                    &[(m::LABEL_PHASE, "streaming")],
                );
                self.in_flight.set(Some((awaiting, streaming)));
                (awaiting, streaming)
            }
        };
        let id = match phase {
            Phase::AwaitingFirstToken => ids.0,
            Phase::Streaming => ids.1,
        };
        if let Some(id) = id {
            host.increment_metric(id, delta);
        }
    }
}

/// Phase of an in-flight request (`llm_requests_in_flight{phase}`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Phase {
    AwaitingFirstToken,
    Streaming,
}
