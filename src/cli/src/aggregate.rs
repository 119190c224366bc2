//! `llmtap aggregate` and `llmtap drift --once`: run llmtap-aggregator with the options the
//! flags give, and turn a drift outcome into the documented exit status.

use crate::aggregate_args::{AggregateArgs, DriftArgs};
use crate::error::Error;
use llmtap_aggregator::DriftOutcome;
use std::process::ExitCode;

/// `llmtap aggregate`: serves until SIGINT/SIGTERM.
pub async fn aggregate(args: AggregateArgs) -> Result<ExitCode, Error> {
    llmtap_aggregator::aggregate(args.options()).await?;
    Ok(ExitCode::SUCCESS)
}

/// `llmtap drift --once`: exit 0; 2 when the source failed (no verdict); 3 with
/// `--fail-on-alarm` when a verdict calls for attention.
pub async fn drift(args: DriftArgs) -> Result<ExitCode, Error> {
    let fail_on_alarm = args.fail_on_alarm;
    let outcome = llmtap_aggregator::drift(args.options()).await?;
    Ok(exit_code(outcome, fail_on_alarm))
}

fn exit_code(outcome: DriftOutcome, fail_on_alarm: bool) -> ExitCode {
    match outcome {
        DriftOutcome::Unhealthy => ExitCode::from(2),
        DriftOutcome::Alarms(_) if fail_on_alarm => ExitCode::from(3),
        DriftOutcome::Alarms(_) | DriftOutcome::Quiet => ExitCode::SUCCESS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alarms_fail_only_when_asked() {
        assert_eq!(exit_code(DriftOutcome::Quiet, true), ExitCode::SUCCESS);
        assert_eq!(exit_code(DriftOutcome::Alarms(2), false), ExitCode::SUCCESS);
        assert_eq!(exit_code(DriftOutcome::Alarms(2), true), ExitCode::from(3));
        assert_eq!(exit_code(DriftOutcome::Unhealthy, false), ExitCode::from(2));
    }
}
