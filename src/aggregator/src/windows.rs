//! The time windows of one evaluation, aligned so that every replica (and every re-run of
//! a one-shot) evaluating "now" within the same spike window compares the same periods.

use std::ops::Range;
use std::time::Duration;

/// Window lengths (seconds in all fields of [`Windows`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowSettings {
    /// The current window (default 24 h).
    pub current: Duration,
    /// The reference window, just before the current one (default 7 days).
    pub reference: Duration,
    /// One spike window (default 1 h): rates are compared window by window.
    pub spike: Duration,
    /// How far back the trailing spike windows reach (default 24 h).
    pub trailing: Duration,
}

impl Default for WindowSettings {
    fn default() -> Self {
        WindowSettings {
            current: Duration::from_secs(24 * 3600),
            reference: Duration::from_secs(7 * 24 * 3600),
            spike: Duration::from_secs(3600),
            trailing: Duration::from_secs(24 * 3600),
        }
    }
}

/// A window setting that cannot work.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WindowError {
    #[error("--{0} must be at least 1 second")]
    TooShort(&'static str),
    #[error(
        "--trailing ({trailing} s) must be a whole number (≥ 2) of --spike-window ({spike} s)"
    )]
    TrailingNotMultiple { trailing: u64, spike: u64 },
}

/// The periods of one evaluation, as half-open ranges of Unix seconds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Windows {
    /// End of the current window: the evaluation time rounded down to the spike window.
    pub end: u64,
    pub current: Range<u64>,
    pub reference: Range<u64>,
    /// Trailing spike windows, oldest first, then the current spike window (last).
    pub spikes: Vec<Range<u64>>,
}

impl WindowSettings {
    /// Checks the settings.
    pub fn validate(&self) -> Result<(), WindowError> {
        for (name, d) in [
            ("current", self.current),
            ("reference", self.reference),
            ("spike-window", self.spike),
            ("trailing", self.trailing),
        ] {
            if d.as_secs() == 0 {
                return Err(WindowError::TooShort(name));
            }
        }
        let (trailing, spike) = (self.trailing.as_secs(), self.spike.as_secs());
        if trailing % spike != 0 || trailing / spike < 2 {
            return Err(WindowError::TrailingNotMultiple { trailing, spike });
        }
        Ok(())
    }

    /// The windows of an evaluation at `now` (Unix seconds).
    pub fn at(&self, now: u64) -> Windows {
        let spike = self.spike.as_secs().max(1);
        let end = now - now % spike;
        let current_start = end.saturating_sub(self.current.as_secs());
        let reference_start = current_start.saturating_sub(self.reference.as_secs());
        let trailing = self.trailing.as_secs() / spike;
        let spikes = (0..=trailing)
            .rev()
            .map(|i| {
                let stop = end.saturating_sub(i * spike);
                stop.saturating_sub(spike)..stop
            })
            .collect();
        Windows {
            end,
            current: current_start..end,
            reference: reference_start..current_start,
            spikes,
        }
    }

    /// Seconds of history an evaluation reads (the embedded store keeps this much).
    pub fn history(&self) -> u64 {
        (self.current.as_secs() + self.reference.as_secs())
            .max(self.trailing.as_secs() + self.spike.as_secs())
            + self.spike.as_secs()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_are_aligned_and_adjacent() {
        let w = WindowSettings::default().at(10 * 86_400 + 1234);
        assert_eq!(w.end, 10 * 86_400);
        assert_eq!(w.current, 9 * 86_400..10 * 86_400);
        assert_eq!(w.reference, 2 * 86_400..9 * 86_400);
        assert_eq!(w.spikes.len(), 25);
        assert_eq!(w.spikes[24], w.end - 3600..w.end);
        assert_eq!(w.spikes[0], w.end - 25 * 3600..w.end - 24 * 3600);
        assert!(w.spikes.windows(2).all(|p| p[0].end == p[1].start));
    }

    #[test]
    fn bad_settings_are_explained() {
        let mut s = WindowSettings {
            trailing: Duration::from_secs(90),
            spike: Duration::from_secs(60),
            ..WindowSettings::default()
        };
        assert_eq!(
            s.validate(),
            Err(WindowError::TrailingNotMultiple {
                trailing: 90,
                spike: 60
            })
        );
        s.trailing = Duration::from_secs(120);
        assert_eq!(s.validate(), Ok(()));
        s.current = Duration::ZERO;
        assert_eq!(s.validate(), Err(WindowError::TooShort("current")));
    }
}
