//! The per-VM queue of samples waiting to be sent, and the NDJSON batch body.
//!
//! Line format (the wire contract with the aggregator, docs/prompt-sampling.md): one JSON
//! object per line, `\n`-terminated:
//! `{"prompt":"…","gen_ai_request_model":"…","gen_ai_provider_name":"…","time_unix_ms":N,"truncated":false}`.
//! Strings are escaped by `serde_json` (RFC 8259 §7).

use std::collections::VecDeque;

/// One sampled prompt, redacted and truncated, waiting for the next batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingSample {
    /// The redacted prompt text (at most `max_prompt_bytes`).
    pub prompt: String,
    /// The request model, sanitised as for metric labels (`unknown` when absent).
    pub model: String,
    /// The provider label of the request's route.
    pub provider: String,
    /// The text was cut (by `max_prompt_bytes` or the request-body capture cap).
    pub truncated: bool,
    /// When the request started, in µs of the host's monotonic clock.
    pub at_us: u64,
}

/// A bounded FIFO of samples: a sample that finds it full is refused (and counted dropped).
#[derive(Debug)]
pub struct SampleQueue {
    samples: VecDeque<PendingSample>,
    cap: usize,
}

impl SampleQueue {
    /// A queue that holds at most `cap` samples.
    pub fn new(cap: usize) -> SampleQueue {
        SampleQueue {
            samples: VecDeque::new(),
            cap,
        }
    }

    /// Samples waiting.
    pub fn len(&self) -> usize {
        self.samples.len()
    }

    pub fn is_empty(&self) -> bool {
        self.samples.is_empty()
    }

    /// Empties the queue; returns how many samples it held.
    pub fn clear(&mut self) -> usize {
        let n = self.samples.len();
        self.samples.clear();
        n
    }

    /// Queues a sample; gives it back when the queue is full.
    pub fn push(&mut self, sample: PendingSample) -> Result<(), PendingSample> {
        if self.samples.len() >= self.cap {
            return Err(sample);
        }
        self.samples.push_back(sample);
        Ok(())
    }

    /// Moves the oldest samples into `out` as NDJSON lines: at most `max_samples`, and no
    /// more than `max_bytes` of body unless the first line alone is longer (a batch always
    /// carries one sample). Each line's `time_unix_ms` is `unix_ms` (the wall clock now) less
    /// the age of the sample (`now_us − at_us`). Returns how many samples were taken.
    pub fn take_batch(
        &mut self,
        max_samples: usize,
        max_bytes: usize,
        now_us: u64,
        unix_ms: u64,
        out: &mut Vec<u8>,
    ) -> usize {
        out.clear();
        let mut taken = 0;
        while taken < max_samples {
            let Some(sample) = self.samples.pop_front() else {
                break;
            };
            let start = out.len();
            let age_ms = now_us.saturating_sub(sample.at_us) / 1000;
            encode_line(&sample, unix_ms.saturating_sub(age_ms), out);
            if taken > 0 && out.len() > max_bytes {
                out.truncate(start);
                self.samples.push_front(sample);
                break;
            }
            taken += 1;
        }
        taken
    }
}

/// Appends one NDJSON line (with its `\n`).
pub fn encode_line(sample: &PendingSample, time_unix_ms: u64, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"prompt\":");
    json_string(&sample.prompt, out);
    out.extend_from_slice(b",\"gen_ai_request_model\":");
    json_string(&sample.model, out);
    out.extend_from_slice(b",\"gen_ai_provider_name\":");
    json_string(&sample.provider, out);
    out.extend_from_slice(b",\"time_unix_ms\":");
    out.extend_from_slice(time_unix_ms.to_string().as_bytes());
    out.extend_from_slice(if sample.truncated {
        b",\"truncated\":true}\n"
    } else {
        b",\"truncated\":false}\n"
    });
}

/// A JSON string literal. Serialising a `&str` into a `Vec` cannot fail (no I/O, no
/// non-string keys); were it to, the string would be written as `""` rather than half.
fn json_string(value: &str, out: &mut Vec<u8>) {
    let start = out.len();
    if serde_json::to_writer(&mut *out, value).is_err() {
        out.truncate(start);
        out.extend_from_slice(b"\"\"");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn sample(prompt: &str, at_us: u64) -> PendingSample {
        PendingSample {
            prompt: prompt.to_owned(),
            model: "gpt-4o".to_owned(),
            provider: "openai".to_owned(),
            truncated: false,
            at_us,
        }
    }

    #[test]
    fn the_queue_is_bounded_and_first_in_first_out() {
        let mut q = SampleQueue::new(2);
        assert!(q.push(sample("a", 0)).is_ok());
        assert!(q.push(sample("b", 0)).is_ok());
        assert_eq!(q.push(sample("c", 0)).unwrap_err().prompt, "c");
        assert_eq!(q.len(), 2);
        let mut out = Vec::new();
        assert_eq!(q.take_batch(1, 1 << 20, 0, 0, &mut out), 1);
        assert!(out.starts_with(b"{\"prompt\":\"a\""));
        assert!(q.push(sample("c", 0)).is_ok());
        assert_eq!(q.take_batch(10, 1 << 20, 0, 0, &mut out), 2);
        assert!(q.is_empty());
        assert_eq!(q.take_batch(10, 1 << 20, 0, 0, &mut out), 0);
        assert!(out.is_empty());
    }

    #[test]
    fn lines_are_json_objects_with_escaped_strings() {
        let tricky = "quote \" backslash \\ newline \n tab \t nul \u{0} bell \u{7} é 日本 \u{2028} </script>";
        let mut s = sample(tricky, 1_000_000);
        s.truncated = true;
        let mut out = Vec::new();
        encode_line(&s, 1_733_350_000_000, &mut out);
        assert_eq!(out.last(), Some(&b'\n'));
        assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 1, "one line");
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["prompt"], tricky);
        assert_eq!(v["gen_ai_request_model"], "gpt-4o");
        assert_eq!(v["gen_ai_provider_name"], "openai");
        assert_eq!(v["time_unix_ms"], 1_733_350_000_000u64);
        assert_eq!(v["truncated"], true);
        assert_eq!(v.as_object().unwrap().len(), 5);
    }

    #[test]
    fn a_batch_respects_the_sample_and_byte_caps() {
        let mut q = SampleQueue::new(100);
        for i in 0..10 {
            q.push(sample(&"x".repeat(100 + i), 0)).unwrap();
        }
        let mut out = Vec::new();
        // Each line is ~190 bytes: 500 bytes hold two.
        assert_eq!(q.take_batch(100, 500, 0, 0, &mut out), 2);
        assert!(out.len() <= 500);
        for line in out.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            serde_json::from_slice::<serde_json::Value>(line).unwrap();
        }
        assert_eq!(q.take_batch(3, 1 << 20, 0, 0, &mut out), 3);
        // A line longer than the byte cap still goes, alone.
        assert_eq!(q.take_batch(100, 10, 0, 0, &mut out), 1);
        assert_eq!(q.len(), 4);
        // The sample kept back is the next one sent: nothing is lost or reordered.
        assert_eq!(q.take_batch(1, 1 << 20, 0, 0, &mut out), 1);
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["prompt"].as_str().unwrap().len(), 106);
    }

    #[test]
    fn time_is_the_wall_clock_less_the_sample_age() {
        let mut q = SampleQueue::new(4);
        q.push(sample("old", 1_000_000)).unwrap();
        q.push(sample("new", 3_500_000)).unwrap();
        let mut out = Vec::new();
        q.take_batch(10, 1 << 20, 4_000_000, 10_000_000, &mut out);
        let times: Vec<u64> = out
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| {
                serde_json::from_slice::<serde_json::Value>(l).unwrap()["time_unix_ms"]
                    .as_u64()
                    .unwrap()
            })
            .collect();
        assert_eq!(times, [9_997_000, 9_999_500]);
    }
}
