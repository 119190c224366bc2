//! Per-piece cost of the streaming refusal scan (no assertions; numbers for
//! `bench/refusals/README.md`).
//!
//! `cargo run --release -p llmtap-core --example refusal_speed`
//!
//! Feeds answers in token-sized pieces (about 4 bytes, as streamed chat deltas are) through
//! the default matcher (all 11 languages) and reports nanoseconds per piece while the window
//! is open, after it has closed, and per whole answer.

use llmtap_core::refusal::{RefusalConfig, RefusalMatcher, RefusalScan};
use std::hint::black_box;
use std::time::Instant;

const COMPLIANT: &str = "There are several ways to kill a Python process. On Unix-like \
systems you can use the `kill` command with the process ID: first find the PID with \
`ps aux | grep python`, then run `kill <PID>`; if the process ignores the polite SIGTERM, \
`kill -9 <PID>` sends SIGKILL, which cannot be caught. On Windows, `taskkill /PID <PID> /F` \
does the same, and the Task Manager lists Python processes under the Details tab. From \
Python itself, `os.kill(pid, signal.SIGTERM)` works on every platform, and the `psutil` \
package offers `psutil.Process(pid).terminate()` with a portable timeout-and-kill pattern. \
Be careful not to terminate system processes that happen to run Python, such as package \
managers or desktop services, because that can leave files half-written. When a script \
runs inside a terminal, pressing Ctrl+C raises KeyboardInterrupt, which you can catch to \
clean up resources before exiting; Ctrl+Z only suspends it. For processes started with \
`subprocess.Popen`, call `proc.terminate()` and then `proc.wait(timeout=5)`, falling back \
to `proc.kill()` if it does not exit in time. Finally, remember that child processes may \
outlive their parent unless you kill the whole process group with `os.killpg`.";

const REFUSAL: &str = "I'm sorry, but I can't help with that. Harming another person is \
illegal and can cause serious injury. If you are in danger or thinking about hurting \
someone, please contact local emergency services or a crisis line right away.";

const CHINESE: &str =
    "要终止一个 Python 进程，可以先用 ps 命令找到进程号，然后使用 kill 命令发送信号。\
如果进程没有响应，可以使用 kill -9 强制结束。在 Windows 上可以使用任务管理器或者 taskkill 命令。\
在 Python 代码中，也可以调用 os.kill 或者 psutil 库提供的 terminate 方法来结束进程。";

/// Cuts `text` into pieces of about `size` bytes at character boundaries.
fn pieces(text: &str, size: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let mut cut = size.min(rest.len());
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (piece, tail) = rest.split_at(cut);
        out.push(piece);
        rest = tail;
    }
    out
}

/// Nanoseconds per piece for the pieces `range` of each stream (earlier pieces are fed
/// untimed to reach the same state): the best of `rounds` rounds of `streams` streams each,
/// which filters out interference from other processes.
fn time_pieces(
    matcher: &RefusalMatcher,
    pieces: &[&str],
    range: core::ops::Range<usize>,
    rounds: u32,
    streams: u32,
) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..rounds {
        let mut total = 0u128;
        for _ in 0..streams {
            let mut scan: RefusalScan = matcher.scan();
            for piece in &pieces[..range.start] {
                scan.feed(matcher, piece);
            }
            let start = Instant::now();
            for piece in &pieces[range.clone()] {
                scan.feed(matcher, black_box(piece));
            }
            total += start.elapsed().as_nanos();
            black_box(scan.finish(matcher));
        }
        let per_piece = total as f64 / f64::from(streams) / range.len().max(1) as f64;
        best = best.min(per_piece);
    }
    best
}

fn main() {
    let started = Instant::now();
    let matcher = match RefusalMatcher::new(&RefusalConfig::default()) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let build = started.elapsed();
    println!(
        "default matcher: {} phrases, built in {:.1} ms, {} KiB heap; RefusalScan = {} bytes",
        matcher.phrases().len(),
        build.as_secs_f64() * 1e3,
        matcher.memory_usage() / 1024,
        core::mem::size_of::<RefusalScan>()
    );
    let (rounds, streams) = (50, 1000);
    for (name, text) in [
        ("compliant EN", COMPLIANT),
        ("refusal EN", REFUSAL),
        ("compliant ZH", CHINESE),
    ] {
        let pieces = pieces(text, 4);
        // Pieces covering the first 300 characters (the window).
        let mut chars = 0;
        let open = pieces
            .iter()
            .take_while(|p| {
                chars += p.chars().count();
                chars <= matcher.window_chars()
            })
            .count()
            .max(1);
        let in_window = time_pieces(&matcher, &pieces, 0..open, rounds, streams);
        let after = if open < pieces.len() {
            format!(
                "{:.1}",
                time_pieces(&matcher, &pieces, open..pieces.len(), rounds, streams)
            )
        } else {
            "-".to_owned()
        };
        let whole =
            time_pieces(&matcher, &pieces, 0..pieces.len(), rounds, streams) * pieces.len() as f64;
        let mut scan = matcher.scan();
        for p in &pieces {
            scan.feed(&matcher, p);
        }
        let stepped = scan.bytes_scanned();
        let verdict = scan.finish(&matcher).is_some();
        println!(
            "{name:>13}: {} bytes in {} pieces; in window {in_window:.1} ns/piece, \
             after window {after} ns/piece, whole answer {:.2} µs; {} bytes stepped; refusal: {verdict}",
            text.len(),
            pieces.len(),
            whole / 1e3,
            stepped
        );
    }
}
