//! The embedded mode's history: per-step increments of every kept series in a redb file
//! (pure-Rust, ACID, copy-on-write B-trees; crash-safe: a commit is durable once it returns).
//!
//! One scrape is one write transaction holding both the new cumulative values (`last`) and
//! the increments they imply (`steps`). A crash (`kill -9`) before the commit loses the
//! scrape and nothing else: the next scrape computes the increase from the committed
//! cumulative values, so nothing is lost (the counters kept counting) and nothing is counted
//! twice (the increments and the values they came from commit together).

use super::catalogue::series_names;
use super::totals::{escape_label, SeriesKey, Totals};
use crate::prom_text::Exposition;
use crate::stats::buckets::counter_increase;
use redb::{Database, ReadableDatabase, ReadableTable, TableDefinition};
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Schema version (META "schema").
const SCHEMA: &str = "1";
const META: TableDefinition<&str, &str> = TableDefinition::new("meta");
/// Reduced series key → id.
const SERIES: TableDefinition<&str, u32> = TableDefinition::new("series");
/// id → reduced series key.
const SERIES_BY_ID: TableDefinition<u32, &str> = TableDefinition::new("series_by_id");
/// (step start in Unix seconds, series id) → increase during that step.
const STEPS: TableDefinition<(u64, u32), f64> = TableDefinition::new("steps");
/// (source, raw series with all its labels) → last scraped cumulative value.
const LAST: TableDefinition<(&str, &str), f64> = TableDefinition::new("last");
/// source → Unix seconds of its last ingested scrape.
const SOURCES: TableDefinition<&str, u64> = TableDefinition::new("sources");

/// A state-file problem.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "state file {} is damaged ({message}). Move it away, or start again with --reset-state \
         (which keeps the damaged file as {}.corrupt-<unix time> and begins an empty history)",
        .path.display(), .path.display()
    )]
    Corrupt { path: PathBuf, message: String },
    #[error("state file {} is in use by another llmtap process", .0.display())]
    InUse(PathBuf),
    #[error("state file {} has schema {found:?}; this llmtap writes schema {SCHEMA}. Use --reset-state or another --state file", .path.display())]
    Schema { path: PathBuf, found: String },
    #[error("cannot move the damaged state file {} aside: {source}", .path.display())]
    MoveAside {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("state file {}: {message}", .path.display())]
    Io { path: PathBuf, message: String },
}

/// The embedded history.
pub struct Store {
    db: Database,
    path: PathBuf,
    /// Cache of the SERIES table.
    ids: HashMap<String, u32>,
    /// Cache of the SERIES_BY_ID table, decoded.
    keys: HashMap<u32, SeriesKey>,
}

/// What one scrape added.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ingested {
    /// Samples of the kept families.
    pub samples: usize,
    /// Series whose value went down (a restart of the source): counted from zero.
    pub resets: usize,
    /// First scrape of this source: its values are the baseline, not an increase.
    pub baseline: bool,
}

/// Whether the open error means the file is damaged.
fn classify(path: &Path, err: redb::DatabaseError) -> StoreError {
    match err {
        redb::DatabaseError::DatabaseAlreadyOpen => StoreError::InUse(path.to_owned()),
        redb::DatabaseError::Storage(redb::StorageError::Io(e))
            if e.kind() != std::io::ErrorKind::InvalidData =>
        {
            StoreError::Io {
                path: path.to_owned(),
                message: e.to_string(),
            }
        }
        other => StoreError::Corrupt {
            path: path.to_owned(),
            message: other.to_string(),
        },
    }
}

impl Store {
    /// Opens (or creates) the state file. With `reset`, a damaged file is renamed to
    /// `PATH.corrupt-<unix seconds>` and a new one is created.
    pub fn open(path: &Path, reset: bool) -> Result<Store, StoreError> {
        let db = match Database::create(path) {
            Ok(db) => db,
            Err(err) => match classify(path, err) {
                StoreError::Corrupt { .. } if reset => {
                    let aside = PathBuf::from(format!(
                        "{}.corrupt-{}",
                        path.display(),
                        crate::clock::unix_now()
                    ));
                    std::fs::rename(path, &aside).map_err(|source| StoreError::MoveAside {
                        path: path.to_owned(),
                        source,
                    })?;
                    eprintln!(
                        "llmtap aggregate: damaged state file moved to {}; starting an empty history",
                        aside.display()
                    );
                    Database::create(path).map_err(|e| classify(path, e))?
                }
                other => return Err(other),
            },
        };
        let mut store = Store {
            db,
            path: path.to_owned(),
            ids: HashMap::new(),
            keys: HashMap::new(),
        };
        store.init()?;
        Ok(store)
    }

    fn fail(&self, e: impl std::fmt::Display) -> StoreError {
        let message = e.to_string();
        if message.contains("corrupt") {
            StoreError::Corrupt {
                path: self.path.clone(),
                message,
            }
        } else {
            StoreError::Io {
                path: self.path.clone(),
                message,
            }
        }
    }

    fn init(&mut self) -> Result<(), StoreError> {
        let txn = self.db.begin_write().map_err(|e| self.fail(e))?;
        {
            let mut meta = txn.open_table(META).map_err(|e| self.fail(e))?;
            let found = meta
                .get("schema")
                .map_err(|e| self.fail(e))?
                .map(|v| v.value().to_owned());
            match found {
                None => {
                    meta.insert("schema", SCHEMA).map_err(|e| self.fail(e))?;
                }
                Some(s) if s == SCHEMA => {}
                Some(found) => {
                    return Err(StoreError::Schema {
                        path: self.path.clone(),
                        found,
                    })
                }
            }
            txn.open_table(STEPS).map_err(|e| self.fail(e))?;
            txn.open_table(LAST).map_err(|e| self.fail(e))?;
            txn.open_table(SOURCES).map_err(|e| self.fail(e))?;
            txn.open_table(SERIES).map_err(|e| self.fail(e))?;
            let by_id = txn.open_table(SERIES_BY_ID).map_err(|e| self.fail(e))?;
            for entry in by_id.iter().map_err(|e| self.fail(e))? {
                let (id, text) = entry.map_err(|e| self.fail(e))?;
                let (id, text) = (id.value(), text.value().to_owned());
                let key = SeriesKey::decode(&text).ok_or_else(|| StoreError::Corrupt {
                    path: self.path.clone(),
                    message: format!("unreadable series key {text:?}"),
                })?;
                self.ids.insert(text, id);
                self.keys.insert(id, key);
            }
        }
        txn.commit().map_err(|e| self.fail(e))
    }

    /// Adds one scrape of `source` taken at `now` (Unix seconds) to the step holding `now`,
    /// and drops steps that ended before `keep_from`.
    pub fn ingest(
        &mut self,
        source: &str,
        scrape: &Exposition,
        now: u64,
        step: u64,
        keep_from: u64,
    ) -> Result<Ingested, StoreError> {
        let names = series_names();
        let step_start = now - now % step.max(1);
        let mut increments: HashMap<SeriesKey, f64> = HashMap::new();
        let mut out = Ingested::default();
        let txn = self.db.begin_write().map_err(|e| self.fail(e))?;
        {
            let mut sources = txn.open_table(SOURCES).map_err(|e| self.fail(e))?;
            out.baseline = sources.get(source).map_err(|e| self.fail(e))?.is_none();
            sources.insert(source, now).map_err(|e| self.fail(e))?;
            let mut last = txn.open_table(LAST).map_err(|e| self.fail(e))?;
            for sample in scrape.samples.iter().filter(|s| names.contains(&s.name)) {
                if !sample.value.is_finite() {
                    continue;
                }
                out.samples += 1;
                let mut labels: Vec<(&str, &str)> = sample
                    .labels
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                labels.sort_unstable();
                let raw = raw_key(&sample.name, &labels);
                let previous = last
                    .get((source, raw.as_str()))
                    .map_err(|e| self.fail(e))?
                    .map(|v| v.value());
                last.insert((source, raw.as_str()), sample.value)
                    .map_err(|e| self.fail(e))?;
                let increase = match previous {
                    Some(p) => {
                        out.resets += usize::from(sample.value < p);
                        counter_increase(p, sample.value)
                    }
                    // A series that appears on a known source counted from zero; on a new
                    // source, from an unknown past: it is the baseline.
                    None if out.baseline => 0.0,
                    None => sample.value,
                };
                if increase > 0.0 || sample.name.ends_with("_bucket") {
                    *increments
                        .entry(SeriesKey::reduce(&sample.name, labels))
                        .or_insert(0.0) += increase;
                }
            }
            keep_buckets_of_histograms_that_grew(&mut increments);
            self.add_to_steps(&txn, step_start, increments)?;
            let mut steps = txn.open_table(STEPS).map_err(|e| self.fail(e))?;
            steps
                .retain_in((0, 0)..(keep_from.saturating_sub(step), 0), |_, _| false)
                .map_err(|e| self.fail(e))?;
        }
        match txn.commit() {
            Ok(()) => Ok(out),
            Err(e) => {
                // The transaction did not happen: forget ids it would have created.
                self.reload_ids()?;
                Err(self.fail(e))
            }
        }
    }

    /// Adds `increments` (series and increase) to the step starting at `step_start`, inside
    /// `txn`; new series get ids (in the caches, which [`Store::reload_ids`] resets when the
    /// transaction fails).
    fn add_to_steps(
        &mut self,
        txn: &redb::WriteTransaction,
        step_start: u64,
        increments: impl IntoIterator<Item = (SeriesKey, f64)>,
    ) -> Result<(), StoreError> {
        let mut series = txn.open_table(SERIES).map_err(|e| self.fail(e))?;
        let mut by_id = txn.open_table(SERIES_BY_ID).map_err(|e| self.fail(e))?;
        let mut steps = txn.open_table(STEPS).map_err(|e| self.fail(e))?;
        for (key, increase) in increments {
            let text = key.encode();
            let id = match self.ids.get(&text) {
                Some(id) => *id,
                None => {
                    let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
                    series.insert(text.as_str(), id).map_err(|e| self.fail(e))?;
                    by_id.insert(id, text.as_str()).map_err(|e| self.fail(e))?;
                    self.ids.insert(text, id);
                    self.keys.insert(id, key);
                    id
                }
            };
            let before = steps
                .get((step_start, id))
                .map_err(|e| self.fail(e))?
                .map_or(0.0, |v| v.value());
            steps
                .insert((step_start, id), before + increase)
                .map_err(|e| self.fail(e))?;
        }
        Ok(())
    }

    /// Adds increments computed elsewhere (the prompt-embedding sums of
    /// [`crate::prompt_samples`]) to the step holding `now`, in one transaction, and drops steps
    /// that ended before `keep_from`.
    pub fn add_increments(
        &mut self,
        increments: &[(SeriesKey, f64)],
        now: u64,
        step: u64,
        keep_from: u64,
    ) -> Result<(), StoreError> {
        let step_start = now - now % step.max(1);
        let txn = self.db.begin_write().map_err(|e| self.fail(e))?;
        {
            self.add_to_steps(&txn, step_start, increments.iter().cloned())?;
            let mut steps = txn.open_table(STEPS).map_err(|e| self.fail(e))?;
            steps
                .retain_in((0, 0)..(keep_from.saturating_sub(step), 0), |_, _| false)
                .map_err(|e| self.fail(e))?;
        }
        match txn.commit() {
            Ok(()) => Ok(()),
            Err(e) => {
                self.reload_ids()?;
                Err(self.fail(e))
            }
        }
    }

    fn reload_ids(&mut self) -> Result<(), StoreError> {
        self.ids.clear();
        self.keys.clear();
        self.init()
    }

    /// Sum of the increments of steps starting in `window` (Unix seconds).
    pub fn totals(&self, window: Range<u64>) -> Result<Totals, StoreError> {
        let txn = self.db.begin_read().map_err(|e| self.fail(e))?;
        let steps = txn.open_table(STEPS).map_err(|e| self.fail(e))?;
        let mut by_id: HashMap<u32, f64> = HashMap::new();
        for entry in steps
            .range((window.start, 0)..(window.end, 0))
            .map_err(|e| self.fail(e))?
        {
            let (key, value) = entry.map_err(|e| self.fail(e))?;
            *by_id.entry(key.value().1).or_insert(0.0) += value.value();
        }
        let mut totals = Totals::default();
        for (id, value) in by_id {
            if let Some(key) = self.keys.get(&id) {
                totals.add(key.clone(), value);
            }
        }
        Ok(totals)
    }

    /// Each source's last ingested scrape (Unix seconds).
    pub fn sources(&self) -> Result<Vec<(String, u64)>, StoreError> {
        let txn = self.db.begin_read().map_err(|e| self.fail(e))?;
        let table = txn.open_table(SOURCES).map_err(|e| self.fail(e))?;
        let mut out = Vec::new();
        for entry in table.iter().map_err(|e| self.fail(e))? {
            let (k, v) = entry.map_err(|e| self.fail(e))?;
            out.push((k.value().to_owned(), v.value()));
        }
        Ok(out)
    }
}

/// Drops zero increments, except the `le` buckets of a histogram that grew in this scrape:
/// those are stored as 0, so a window where every sample fell above a bound still has that
/// bound (cumulative increase 0). Without them a shift from low to high buckets left the two
/// windows with no low bound in common and the comparison collapsed into one bin.
fn keep_buckets_of_histograms_that_grew(increments: &mut HashMap<SeriesKey, f64>) {
    let without_le = |k: &SeriesKey| {
        let labels: Vec<&(String, String)> = k.labels.iter().filter(|(l, _)| l != "le").collect();
        (k.name.clone(), format!("{labels:?}"))
    };
    let grew: std::collections::HashSet<(String, String)> = increments
        .iter()
        .filter(|(k, v)| **v > 0.0 && k.name.ends_with("_bucket"))
        .map(|(k, _)| without_le(k))
        .collect();
    increments.retain(|k, v| *v > 0.0 || grew.contains(&without_le(k)));
}

fn raw_key(name: &str, labels: &[(&str, &str)]) -> String {
    let labels: Vec<String> = labels
        .iter()
        .map(|(k, v)| format!("{k}=\"{}\"", escape_label(v)))
        .collect();
    format!("{name}{{{}}}", labels.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prom_text::parse;

    fn scrape(prompt_le_10: u64, inf: u64) -> Exposition {
        parse(&format!(
            "llm_prompt_tokens_bucket{{gen_ai_request_model=\"m\",pod=\"a\",le=\"10\"}} {prompt_le_10}\n\
             llm_prompt_tokens_bucket{{gen_ai_request_model=\"m\",pod=\"a\",le=\"+Inf\"}} {inf}\n\
             llm_requests_total{{gen_ai_request_model=\"m\",outcome=\"complete\"}} {inf}\n\
             envoy_other 5\n"
        ))
        .unwrap()
    }

    fn value(t: &Totals, name: &str, le: &str) -> f64 {
        t.named(name)
            .filter(|(k, _)| k.label("le") == le)
            .map(|(_, v)| v)
            .sum()
    }

    #[test]
    fn increments_resets_and_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.redb");
        {
            let mut s = Store::open(&path, false).unwrap();
            let first = s.ingest("e1", &scrape(5, 10), 100, 10, 0).unwrap();
            assert!(first.baseline);
            assert_eq!(first.samples, 3);
            s.ingest("e1", &scrape(7, 15), 110, 10, 0).unwrap();
            // The source restarted: 2 and 3 are increases from zero.
            let r = s.ingest("e1", &scrape(2, 3), 125, 10, 0).unwrap();
            assert_eq!(r.resets, 3);
        }
        let s = Store::open(&path, false).unwrap();
        let t = s.totals(0..200).unwrap();
        assert_eq!(value(&t, "llm_prompt_tokens_bucket", "10"), 4.0);
        assert_eq!(value(&t, "llm_prompt_tokens_bucket", "+Inf"), 8.0);
        assert_eq!(value(&t, "llm_requests_total", ""), 8.0);
        let only_second = s.totals(110..120).unwrap();
        assert_eq!(value(&only_second, "llm_prompt_tokens_bucket", "+Inf"), 5.0);
        assert_eq!(s.sources().unwrap(), vec![("e1".to_owned(), 125)]);
    }

    #[test]
    fn a_grown_histogram_keeps_its_zero_buckets_in_the_window() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(&dir.path().join("s.redb"), false).unwrap();
        s.ingest("e", &scrape(5, 5), 0, 10, 0).unwrap();
        // Five more samples, all above le=10: the le=10 bucket did not grow, but it is
        // still a bound of this window (cumulative increase 0).
        s.ingest("e", &scrape(5, 10), 10, 10, 0).unwrap();
        let t = s.totals(10..20).unwrap();
        let le10: Vec<f64> = t
            .named("llm_prompt_tokens_bucket")
            .filter(|(k, _)| k.label("le") == "10")
            .map(|(_, v)| v)
            .collect();
        assert_eq!(le10, vec![0.0]);
        assert_eq!(value(&t, "llm_prompt_tokens_bucket", "+Inf"), 5.0);
        // A scrape where the histogram did not grow stores nothing for it.
        s.ingest("e", &scrape(5, 10), 20, 10, 0).unwrap();
        assert!(s
            .totals(20..30)
            .unwrap()
            .named("llm_prompt_tokens_bucket")
            .next()
            .is_none());
    }

    #[test]
    fn old_steps_are_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(&dir.path().join("s.redb"), false).unwrap();
        s.ingest("e", &scrape(0, 0), 0, 10, 0).unwrap();
        s.ingest("e", &scrape(1, 1), 10, 10, 0).unwrap();
        s.ingest("e", &scrape(2, 2), 100, 10, 50).unwrap();
        let t = s.totals(0..200).unwrap();
        assert_eq!(value(&t, "llm_prompt_tokens_bucket", "+Inf"), 1.0);
    }

    #[test]
    fn a_damaged_file_is_reported_and_can_be_reset() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.redb");
        {
            let mut s = Store::open(&path, false).unwrap();
            s.ingest("e", &scrape(1, 1), 10, 10, 0).unwrap();
        }
        let len = std::fs::metadata(&path).unwrap().len();
        let f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        f.set_len(len / 3).unwrap();
        drop(f);
        let err = Store::open(&path, false).err().unwrap();
        assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
        assert!(err.to_string().contains("--reset-state"), "{err}");
        let s = Store::open(&path, true).unwrap();
        assert!(s.sources().unwrap().is_empty());
        let kept = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .contains(".corrupt-")
            })
            .count();
        assert_eq!(kept, 1);
    }
}
