//! Starting, signalling and stopping the Envoy child process.

use crate::error::Error;
use clap::ValueEnum;
use llmtap_aggregator::http::{self, HttpClient};
use llmtap_aggregator::prom_text::{self, Exposition};
use rustix::process::{kill_process, Pid, Signal};
use std::ffi::OsString;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitStatus;
use std::time::Duration;
use tokio::process::{Child, Command};

/// Envoy's `-l` levels (also the values of `--log-level`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogLevel {
    Trace,
    Debug,
    Info,
    Warning,
    Error,
    Critical,
    Off,
}

impl LogLevel {
    /// The spelling Envoy's `-l` accepts.
    pub fn as_envoy_arg(self) -> &'static str {
        match self {
            LogLevel::Trace => "trace",
            LogLevel::Debug => "debug",
            LogLevel::Info => "info",
            LogLevel::Warning => "warning",
            LogLevel::Error => "error",
            LogLevel::Critical => "critical",
            LogLevel::Off => "off",
        }
    }
}

/// How Envoy is invoked.
#[derive(Debug, Clone)]
pub struct EnvoyCommand {
    pub bin: PathBuf,
    /// The rendered bootstrap file.
    pub config: PathBuf,
    /// `--base-id`: keeps the shared memory and hot-restart sockets of two Envoys apart.
    pub base_id: u32,
    /// `--concurrency`: worker threads.
    pub concurrency: u32,
    pub log_level: LogLevel,
    /// Passed through unchanged, last.
    pub extra_args: Vec<OsString>,
}

impl EnvoyCommand {
    /// Envoy's argument list.
    pub fn args(&self) -> Vec<OsString> {
        let mut args: Vec<OsString> = vec![
            "-c".into(),
            self.config.clone().into_os_string(),
            "--base-id".into(),
            self.base_id.to_string().into(),
            "--concurrency".into(),
            self.concurrency.to_string().into(),
            "-l".into(),
            self.log_level.as_envoy_arg().into(),
        ];
        args.extend(self.extra_args.iter().cloned());
        args
    }

    /// A command ready to spawn. On Linux Envoy gets SIGTERM if `llmtap` dies, so it never
    /// outlives us holding the ports. Spawn it from the thread that lives as long as the
    /// process (the main thread): the kernel ties the signal to the spawning thread.
    pub fn command(&self) -> Command {
        let mut cmd = Command::new(&self.bin);
        cmd.args(self.args()).kill_on_drop(true);
        #[cfg(target_os = "linux")]
        // SAFETY: the closure runs in the forked child before exec and only makes the
        // prctl(PR_SET_PDEATHSIG) system call, which is async-signal-safe; it allocates
        // nothing and touches no lock.
        unsafe {
            cmd.pre_exec(|| {
                rustix::process::set_parent_process_death_signal(Some(Signal::TERM))
                    .map_err(std::io::Error::from)
            });
        }
        cmd
    }
}

/// Sends `signal` to the child if it is still running (errors ignored: it may just have exited).
pub fn send_signal(child: &Child, signal: Signal) {
    let pid = child
        .id()
        .and_then(|id| i32::try_from(id).ok())
        .and_then(Pid::from_raw);
    if let Some(pid) = pid {
        let _ = kill_process(pid, signal);
    }
}

/// Stops Envoy: SIGTERM (Envoy shuts down cleanly), then SIGKILL after `grace`.
pub async fn stop(child: &mut Child, grace: Duration) {
    if matches!(child.try_wait(), Ok(Some(_))) {
        return;
    }
    send_signal(child, Signal::TERM);
    if tokio::time::timeout(grace, child.wait()).await.is_err() {
        let _ = child.kill().await;
    }
}

/// The exit code `llmtap run` passes on: Envoy's own, or 128 + signal number when a signal
/// ended it (the shell convention).
pub fn exit_code(status: ExitStatus) -> u8 {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => u8::try_from(code).unwrap_or(1),
        (None, Some(signal)) => u8::try_from(128 + signal).unwrap_or(1),
        (None, None) => 1,
    }
}

/// The last `lines` lines of a log file (empty when it cannot be read).
pub fn log_tail(path: &Path, lines: usize) -> String {
    let text = std::fs::read(path).unwrap_or_default();
    let text = String::from_utf8_lossy(&text);
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// Starts Envoy; maps a spawn failure to an error naming the binary.
pub fn spawn(cmd: &EnvoyCommand, mut command: Command) -> Result<Child, Error> {
    command.spawn().map_err(|source| Error::EnvoySpawn {
        path: cmd.bin.clone(),
        source,
    })
}

/// Exit after a forwarded signal or on its own: waits while forwarding SIGINT/SIGTERM to
/// Envoy, and returns Envoy's exit status.
pub async fn wait_forwarding_signals(child: &mut Child) -> Result<ExitStatus, Error> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut interrupt = signal(SignalKind::interrupt()).map_err(Error::Signal)?;
    let mut terminate = signal(SignalKind::terminate()).map_err(Error::Signal)?;
    loop {
        tokio::select! {
            status = child.wait() => return status.map_err(Error::EnvoyWait),
            _ = interrupt.recv() => send_signal(child, Signal::INT),
            _ = terminate.recv() => send_signal(child, Signal::TERM),
        }
    }
}

/// Envoy's metrics now: one GET of `/stats/prometheus` on the admin listener `admin`.
pub async fn scrape(client: &HttpClient, admin: SocketAddr) -> Result<Exposition, Error> {
    let url = format!("http://{admin}/stats/prometheus");
    let (status, text) = http::get_text(client, &url, Duration::from_secs(5))
        .await
        .map_err(|message| Error::Http {
            url: url.clone(),
            message,
        })?;
    if !status.is_success() {
        return Err(Error::Http {
            url,
            message: format!("HTTP {status}"),
        });
    }
    Ok(prom_text::parse(&text)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::process::ExitStatusExt;

    #[test]
    fn args_in_envoy_order() {
        let cmd = EnvoyCommand {
            bin: "/usr/bin/envoy".into(),
            config: "/tmp/x/llmtap-bootstrap.yaml".into(),
            base_id: 10000,
            concurrency: 2,
            log_level: LogLevel::Warning,
            extra_args: vec!["--component-log-level".into(), "wasm:debug".into()],
        };
        let args: Vec<String> = cmd
            .args()
            .into_iter()
            .map(|a| a.into_string().unwrap())
            .collect();
        assert_eq!(
            args,
            [
                "-c",
                "/tmp/x/llmtap-bootstrap.yaml",
                "--base-id",
                "10000",
                "--concurrency",
                "2",
                "-l",
                "warning",
                "--component-log-level",
                "wasm:debug"
            ]
        );
    }

    #[test]
    fn exit_codes_follow_the_shell_convention() {
        assert_eq!(exit_code(ExitStatus::from_raw(0)), 0);
        assert_eq!(exit_code(ExitStatus::from_raw(1 << 8)), 1);
        assert_eq!(exit_code(ExitStatus::from_raw(15)), 143);
    }

    #[test]
    fn tail_keeps_the_last_lines() {
        let tmp = tempfile::tempdir().unwrap();
        let log = tmp.path().join("envoy.log");
        std::fs::write(&log, "a\nb\nc\nd\n").unwrap();
        assert_eq!(log_tail(&log, 2), "c\nd");
        assert_eq!(log_tail(&tmp.path().join("missing"), 2), "");
    }
}
