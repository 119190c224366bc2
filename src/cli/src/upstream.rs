//! The `--upstream` URL: scheme, host, port and an optional path prefix.

use hyper::Uri;
use std::net::IpAddr;

/// Whether the upstream is spoken to in clear text or over TLS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Http,
    Https,
}

/// A parsed `--upstream` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upstream {
    pub scheme: Scheme,
    /// Host name or IP literal, without the brackets of an IPv6 literal.
    pub host: String,
    /// TCP port (80 / 443 when the URL has none).
    pub port: u16,
    /// Path prepended to every request path, always ending in `/`; `None` for `/` or empty.
    pub path_prefix: Option<String>,
}

impl Upstream {
    /// The host as an IP address, when it is a literal (Envoy cluster type STATIC).
    pub fn ip(&self) -> Option<IpAddr> {
        self.host.parse().ok()
    }
}

impl std::fmt::Display for Upstream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let scheme = match self.scheme {
            Scheme::Http => "http",
            Scheme::Https => "https",
        };
        match self.ip() {
            Some(IpAddr::V6(ip)) => write!(f, "{scheme}://[{ip}]:{}", self.port)?,
            _ => write!(f, "{scheme}://{}:{}", self.host, self.port)?,
        }
        f.write_str(self.path_prefix.as_deref().unwrap_or(""))
    }
}

/// Parses `http(s)://host[:port][/prefix]`. Used as a clap value parser, so the error is
/// one human sentence.
pub fn parse_upstream(raw: &str) -> Result<Upstream, String> {
    let uri: Uri = raw.parse().map_err(|e| {
        format!("not a URL ({e}); expected http://HOST[:PORT] or https://HOST[:PORT]")
    })?;
    let scheme = match uri.scheme_str() {
        Some("http") => Scheme::Http,
        Some("https") => Scheme::Https,
        Some(other) => {
            return Err(format!(
                "scheme {other:?} is not supported; use http:// or https://"
            ))
        }
        None => {
            return Err(
                "missing scheme; expected http://HOST[:PORT] or https://HOST[:PORT]".to_owned(),
            )
        }
    };
    let authority = uri
        .authority()
        .ok_or_else(|| "missing host; expected http://HOST[:PORT]".to_owned())?;
    if authority.as_str().contains('@') {
        return Err(
            "credentials in the URL are not supported; send them as request headers".to_owned(),
        );
    }
    let host = authority
        .host()
        .trim_start_matches('[')
        .trim_end_matches(']');
    if host.is_empty() {
        return Err("missing host; expected http://HOST[:PORT]".to_owned());
    }
    let port = match authority.port_u16() {
        Some(0) => return Err("port 0 is not a valid upstream port".to_owned()),
        Some(p) => p,
        None if authority.as_str().ends_with(':') => return Err("empty port".to_owned()),
        None => match scheme {
            Scheme::Http => 80,
            Scheme::Https => 443,
        },
    };
    if uri.query().is_some() {
        return Err("a query string is not supported in the upstream URL".to_owned());
    }
    let path = uri.path();
    let path_prefix = if path.is_empty() || path == "/" {
        None
    } else if path.ends_with('/') {
        Some(path.to_owned())
    } else {
        Some(format!("{path}/"))
    };
    Ok(Upstream {
        scheme,
        host: host.to_owned(),
        port,
        path_prefix,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hosts_ports_and_prefixes() {
        // (url, scheme, host, port, host is an IP, path prefix)
        #[rustfmt::skip]
        let cases = [
            ("http://127.0.0.1:8000", Scheme::Http, "127.0.0.1", 8000, true, None),
            ("https://api.openai.com/", Scheme::Https, "api.openai.com", 443, false, None),
            ("http://vllm.internal/serving", Scheme::Http, "vllm.internal", 80, false, Some("/serving/")),
        ];
        for (url, scheme, host, port, is_ip, prefix) in cases {
            let u = parse_upstream(url).unwrap();
            assert_eq!(
                (u.scheme, u.host.as_str(), u.port),
                (scheme, host, port),
                "{url}"
            );
            assert_eq!(u.ip().is_some(), is_ip, "{url}");
            assert_eq!(u.path_prefix.as_deref(), prefix, "{url}");
        }

        let u = parse_upstream("http://[::1]:9000/a/b/").unwrap();
        assert_eq!(u.host, "::1");
        assert_eq!(u.ip(), Some("::1".parse().unwrap()));
        assert_eq!(u.path_prefix.as_deref(), Some("/a/b/"));
        assert_eq!(u.to_string(), "http://[::1]:9000/a/b/");
        assert_eq!(
            parse_upstream("https://h").unwrap().to_string(),
            "https://h:443"
        );
    }

    #[test]
    fn rejects_what_envoy_could_not_use() {
        for bad in [
            "127.0.0.1:8000",
            "ftp://host",
            "http://",
            "http://user:pw@host",
            "http://host:0",
            "http://host/x?y=1",
            "not a url",
        ] {
            assert!(parse_upstream(bad).is_err(), "{bad}");
        }
    }
}
