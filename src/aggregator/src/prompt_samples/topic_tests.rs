//! Prompt-embedding drift on real prompts and the real model (all-MiniLM-L6-v2, see
//! `crate::embedding::tests`): two topics drift, two halves of one topic do not, and a
//! stationary stream stays under the stated false-alarm rate. The sums go through the series
//! layout the store and Prometheus hold ([`super::series`]) and the analysis
//! ([`crate::analysis::embedding`]).

use super::series::SplitSums;
use crate::analysis::embedding::{drift, EmbeddingDriftEntry};
use crate::analysis::{AnalysisSettings, DriftVerdict};
use crate::embedding::tests::test_encoder;
use crate::stats::spike::binomial_tail;
use crate::store::Store;
use crate::synthetic::SplitMix64;
use crate::totals::Totals;
use std::path::PathBuf;

/// The stated false-alarm rate of a prompt-embedding drift verdict per model and evaluation
/// (docs/aggregator.md): `--drift-alpha`, 1 %; the effect threshold makes it lower still.
const STATED_RATE: f64 = 0.01;

fn corpus() -> PathBuf {
    std::env::var_os("LLMTAP_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"),
        PathBuf::from,
    )
}

/// Fields of an RFC 4180 CSV text (quoted fields may hold commas, newlines and "").
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\r') => {}
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// The 450 XSTest v2 prompts of the shared corpus' refusal set.
fn xstest_prompts() -> Vec<String> {
    let path = corpus().join("refusals/labelled/xstest_v2_completions_gpt4.csv");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (set LLMTAP_CORPUS)", path.display()));
    let rows = csv_rows(&text);
    let column = rows[0].iter().position(|h| h == "prompt").unwrap();
    rows[1..].iter().map(|r| r[column].clone()).collect()
}

/// The 80 coding questions of tests/fixtures/prompts/coding.jsonl.
fn coding_prompts() -> Vec<String> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/prompts/coding.jsonl");
    super::wire::parse(&std::fs::read(path).unwrap())
        .unwrap()
        .into_iter()
        .map(|s| s.prompt)
        .collect()
}

fn embed(prompts: &[String]) -> Option<Vec<Vec<f32>>> {
    let encoder = test_encoder()?;
    let mut out = Vec::with_capacity(prompts.len());
    for chunk in prompts.chunks(16) {
        let texts: Vec<&str> = chunk.iter().map(String::as_str).collect();
        out.extend(encoder.embed(&texts).unwrap());
    }
    Some(out)
}

/// The window totals of these embeddings under model `model` (the series layout).
fn totals<'a>(model: &str, vectors: impl IntoIterator<Item = &'a Vec<f32>>) -> Totals {
    let mut sums = SplitSums::default();
    for v in vectors {
        sums.add(v);
    }
    let mut t = Totals::default();
    for (k, v) in sums.series(model) {
        t.add(k, v);
    }
    t
}

fn compare(reference: &Totals, current: &Totals) -> EmbeddingDriftEntry {
    let mut entries = drift(
        &current.by_name(),
        &reference.by_name(),
        &AnalysisSettings::default(),
    );
    assert_eq!(entries.len(), 1);
    entries.remove(0)
}

fn shuffled<T: Clone>(items: &[T], seed: u64) -> Vec<T> {
    let mut rng = SplitMix64::new(seed);
    let mut out = items.to_vec();
    for i in (1..out.len()).rev() {
        let j = (rng.next_u64() % (i as u64 + 1)) as usize;
        out.swap(i, j);
    }
    out
}

#[test]
fn two_topics_drift() {
    let xstest = xstest_prompts();
    assert_eq!(xstest.len(), 450);
    let Some(refusal) = embed(&shuffled(&xstest, 1)[..150]) else {
        return;
    };
    let coding = embed(&coding_prompts()).unwrap();
    assert_eq!(coding.len(), 80);
    let d = compare(&totals("m", &refusal), &totals("m", &coding));
    eprintln!("two topics: {:?}", d.statistics);
    assert_eq!(d.verdict, DriftVerdict::Drift, "{:?}", d.statistics);
    assert!(d.statistics.cosine_distance.unwrap() > 0.05);
    assert!(d.statistics.p_value.unwrap() <= 0.01);
}

#[test]
fn two_halves_of_one_topic_do_not_drift() {
    let Some(all) = embed(&shuffled(&xstest_prompts(), 2)) else {
        return;
    };
    let (a, b) = all.split_at(all.len() / 2);
    let d = compare(&totals("m", a), &totals("m", b));
    eprintln!("two halves: {:?}", d.statistics);
    assert_eq!(d.verdict, DriftVerdict::NoDrift, "{:?}", d.statistics);
    assert!(d.statistics.cosine_distance.unwrap() < 0.05);
}

/// Windows drawn with replacement from one pool of real prompt embeddings (a stationary
/// stream): the verdict is `drift` on at most the stated rate of evaluations, and so is the
/// significance test alone (the Székely–Bakirov bound).
#[test]
fn a_stationary_stream_stays_under_the_stated_false_alarm_rate() {
    let Some(pool) = embed(&xstest_prompts()) else {
        return;
    };
    let evaluations = 2000u64;
    let (n, m) = (100, 100);
    let mut rng = SplitMix64::new(20_261_204);
    let mut draw = |k: usize| -> Vec<&Vec<f32>> {
        (0..k)
            .map(|_| &pool[(rng.next_u64() % pool.len() as u64) as usize])
            .collect()
    };
    let (mut drift_verdicts, mut significant, mut max_cosine) = (0u64, 0u64, 0.0f64);
    for _ in 0..evaluations {
        let reference = totals("m", draw(n));
        let current = totals("m", draw(m));
        let d = compare(&reference, &current);
        drift_verdicts += u64::from(d.verdict == DriftVerdict::Drift);
        significant += u64::from(d.statistics.p_value.unwrap() <= 0.01);
        max_cosine = max_cosine.max(d.statistics.cosine_distance.unwrap());
    }
    eprintln!(
        "stationary: {drift_verdicts} drift verdicts and {significant} significant at 1 % \
         in {evaluations} evaluations of {n} vs {m} prompts; largest cosine distance {max_cosine:.4}"
    );
    // The most alarms still plausible at the stated rate: P(Bin(N, rate) > x) < 10⁻³.
    let allowed = (0..=evaluations)
        .find(|x| binomial_tail(x + 1, evaluations, STATED_RATE).is_some_and(|p| p < 1e-3))
        .unwrap();
    assert!(drift_verdicts <= allowed, "{drift_verdicts} > {allowed}");
    assert!(significant <= allowed, "{significant} > {allowed}");
}

/// Replicas and steps add up: sums written per step by two replicas into the store and read
/// back over a window give the verdict of the same prompts summed at once.
#[test]
fn sums_add_up_across_replicas_and_steps_in_the_store() {
    let Some(refusal) = embed(&xstest_prompts()[..120]) else {
        return;
    };
    let coding = embed(&coding_prompts()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("s.redb"), false).unwrap();
    let step = 60;
    // Reference steps 0..600 s: refusal prompts; current steps 600..1200 s: coding prompts;
    // each step gets two batches, as from two replicas.
    for (start, vectors) in [(0u64, &refusal), (600, &coding)] {
        for (i, chunk) in vectors.chunks(10).enumerate() {
            let (a, b) = chunk.split_at(chunk.len() / 2);
            let now = start + (i as u64 % 10) * step + 1;
            for half in [a, b] {
                let mut sums = SplitSums::default();
                for v in half {
                    sums.add(v);
                }
                store
                    .add_increments(&sums.series("m"), now, step, 0)
                    .unwrap();
            }
        }
    }
    let stored = compare(
        &store.totals(0..600).unwrap(),
        &store.totals(600..1200).unwrap(),
    );
    let direct = compare(&totals("m", &refusal), &totals("m", &coding));
    assert_eq!(stored.verdict, DriftVerdict::Drift);
    assert_eq!(stored.statistics.reference_samples, 120.0);
    assert_eq!(stored.statistics.current_samples, 80.0);
    let (a, b) = (
        stored.statistics.cosine_distance.unwrap(),
        direct.statistics.cosine_distance.unwrap(),
    );
    assert!((a - b).abs() < 1e-9, "{a} vs {b}");
}
