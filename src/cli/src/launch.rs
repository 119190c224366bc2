//! Steps shared by `llmtap run` and `llmtap demo` before Envoy starts: the plugin
//! configuration, the CA bundle, the bootstrap file, the base id.

use crate::error::Error;
use llmtap_core::config::Config;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// Reads and validates the plugin configuration (`{}` without a file), so a bad file is
/// reported here instead of Envoy refusing to start with a wasm log line.
pub fn plugin_config(path: Option<&Path>) -> Result<String, Error> {
    let (text, origin) = read_plugin_config(path)?;
    validate_plugin_config(&text, &origin)?;
    Ok(text)
}

/// The plugin configuration's text (trimmed; `{}` without a file) and where it came from,
/// not validated yet.
pub fn read_plugin_config(path: Option<&Path>) -> Result<(String, String), Error> {
    let (text, origin) = match path {
        Some(path) => (
            std::fs::read_to_string(path).map_err(|source| Error::ConfigRead {
                path: path.to_path_buf(),
                source,
            })?,
            path.display().to_string(),
        ),
        None => ("{}".to_owned(), "default configuration".to_owned()),
    };
    Ok((text.trim().to_owned(), origin))
}

/// Validates a plugin configuration with the filter's own parser.
pub fn validate_plugin_config(text: &str, origin: &str) -> Result<(), Error> {
    Config::parse(text.as_bytes())
        .map(drop)
        .map_err(|source| Error::PluginConfig {
            origin: origin.to_owned(),
            source,
        })
}

/// Well-known system CA bundles (Debian/Ubuntu/Alpine, Fedora/RHEL, macOS/BSD).
const CA_BUNDLES: &[&str] = &[
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/pki/tls/certs/ca-bundle.crt",
    "/etc/ssl/cert.pem",
];

/// The first system CA bundle present, to verify `https://` upstreams.
pub fn ca_bundle() -> Option<&'static str> {
    CA_BUNDLES.iter().copied().find(|p| Path::new(p).is_file())
}

/// `--base-id` when none is given: the listen port, so two instances on different ports never
/// share Envoy's hot-restart shared memory (falls back to the process id for port 0).
pub fn default_base_id(listen: SocketAddr) -> u32 {
    match listen.port() {
        0 => std::process::id(),
        port => u32::from(port),
    }
}

/// The rendered bootstrap in a private temporary directory, removed on drop.
#[derive(Debug)]
pub struct BootstrapFile {
    dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl BootstrapFile {
    /// Writes `yaml` to `<tmp>/llmtap-bootstrap.yaml`.
    pub fn write(yaml: &str) -> Result<BootstrapFile, Error> {
        let dir = tempfile::Builder::new()
            .prefix("llmtap-")
            .tempdir()
            .map_err(Error::TempDir)?;
        let path = dir.path().join("llmtap-bootstrap.yaml");
        std::fs::write(&path, yaml).map_err(|source| Error::WriteBootstrap {
            path: path.clone(),
            source,
        })?;
        Ok(BootstrapFile { dir, path })
    }

    /// The temporary directory (for companions such as Envoy's log).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_file_is_validated_before_envoy() {
        assert_eq!(plugin_config(None).unwrap(), "{}");
        let tmp = tempfile::tempdir().unwrap();
        let good = tmp.path().join("good.json");
        std::fs::write(&good, "{\"provider_name\": \"vllm\"}\n").unwrap();
        assert_eq!(
            plugin_config(Some(&good)).unwrap(),
            "{\"provider_name\": \"vllm\"}"
        );
        let bad = tmp.path().join("bad.json");
        std::fs::write(&bad, "{\"max_event_byte\": 1}").unwrap();
        let err = plugin_config(Some(&bad)).unwrap_err().to_string();
        assert!(err.starts_with(&bad.display().to_string()), "{err}");
        assert!(err.contains("unknown field `max_event_byte`"), "{err}");
        let err = plugin_config(Some(&tmp.path().join("missing.json")))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("cannot read the plugin configuration"),
            "{err}"
        );
    }

    #[test]
    fn base_id_follows_the_listen_port() {
        assert_eq!(default_base_id("127.0.0.1:10000".parse().unwrap()), 10000);
        assert_eq!(
            default_base_id("127.0.0.1:0".parse().unwrap()),
            std::process::id()
        );
    }

    #[test]
    fn bootstrap_file_lives_until_dropped() {
        let file = BootstrapFile::write("admin: {}\n").unwrap();
        let path = file.path.clone();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "admin: {}\n");
        drop(file);
        assert!(!path.exists());
    }
}
