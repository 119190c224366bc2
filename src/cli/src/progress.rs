//! Progress on stderr: a bar on a terminal, a few plain lines otherwise.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, Ordering};

/// Counts finished items out of a known total.
pub enum Progress {
    Bar(ProgressBar),
    /// Prints `label: done/total` at every 25 %.
    Plain {
        label: String,
        total: u64,
        done: AtomicU64,
    },
}

impl Progress {
    pub fn new(total: u64, label: &str) -> Progress {
        if std::io::stderr().is_terminal() {
            let bar = ProgressBar::new(total);
            let style = ProgressStyle::with_template("{prefix} [{bar:40}] {pos}/{len} ({elapsed})")
                .map(|s| s.progress_chars("=> "))
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.set_prefix(label.to_owned());
            Progress::Bar(bar)
        } else {
            Progress::Plain {
                label: label.to_owned(),
                total,
                done: AtomicU64::new(0),
            }
        }
    }

    pub fn inc(&self) {
        match self {
            Progress::Bar(bar) => bar.inc(1),
            Progress::Plain { label, total, done } => {
                let now = done.fetch_add(1, Ordering::Relaxed) + 1;
                let quarter = (*total / 4).max(1);
                if now.is_multiple_of(quarter) || now == *total {
                    eprintln!("{label}: {now}/{total}");
                }
            }
        }
    }

    pub fn finish(&self) {
        if let Progress::Bar(bar) = self {
            bar.finish_and_clear();
        }
    }
}
