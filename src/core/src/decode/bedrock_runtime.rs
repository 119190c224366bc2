//! Members the Bedrock runtime adds to any model's events when the model is invoked through
//! `InvokeModel(WithResponseStream)`: the guardrail action and the invocation metrics. Read by
//! the decoders of the model formats Bedrock wraps ([`super::anthropic`],
//! [`super::openai_chat`]) and by [`super::bedrock`] itself.

use super::facts::{Builder, RefusalSignal};
use super::json::{JsonError, Reader};
use super::usage::{self, read_usage_members};

/// The key Bedrock adds to an invoke body or chunk when a guardrail was applied.
pub(crate) const GUARDRAIL_ACTION: &[u8] = b"amazon-bedrock-guardrailAction";

/// `amazon-bedrock-guardrailAction`: `INTERVENED` (the guardrail blocked the input or the
/// output) is a [`RefusalSignal::SafetyBlock`]; `NONE` or `null` is nothing.
pub(crate) fn read_guardrail_action<'a>(
    r: &mut Reader<'a>,
    b: &mut Builder<'a, '_>,
) -> Result<(), JsonError> {
    if r.opt_string()?
        .is_some_and(|action| action.eq_plain("INTERVENED"))
    {
        b.refusal(RefusalSignal::SafetyBlock);
    }
    Ok(())
}

/// `amazon-bedrock-invocationMetrics`, sent by Bedrock in the last chunk of an invoke
/// stream whatever the model: usage, and the end of the stream.
pub(crate) fn read_invocation_metrics(
    r: &mut Reader<'_>,
    b: &mut Builder<'_, '_>,
) -> Result<(), JsonError> {
    if let Some(usage) = read_usage_members(r, &usage::BEDROCK_INVOCATION_METRICS)? {
        b.usage(usage);
        b.terminator();
    }
    Ok(())
}
