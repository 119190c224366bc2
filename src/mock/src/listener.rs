//! The listening socket: binding (with a deep backlog), the open-file limit, and accepting
//! connections with TCP_NODELAY.

use crate::error::MockError;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::net::{TcpListener, TcpSocket};

/// Pending-connection queue of the listener: thousands of clients may connect at once in a
/// benchmark (tokio's default is 1024; the kernel caps it at net.core.somaxconn).
const LISTEN_BACKLOG: u32 = 8192;

/// Binds the mock's listener.
pub async fn bind(addr: SocketAddr) -> Result<TcpListener, MockError> {
    let socket = match addr {
        SocketAddr::V4(_) => TcpSocket::new_v4(),
        SocketAddr::V6(_) => TcpSocket::new_v6(),
    };
    socket
        .and_then(|s| {
            s.set_reuseaddr(true)?;
            s.bind(addr)?;
            s.listen(LISTEN_BACKLOG)
        })
        .map_err(|source| match source.kind() {
            std::io::ErrorKind::AddrInUse => MockError::AddressInUse(addr),
            _ => MockError::Bind { addr, source },
        })
}

/// The address `listener` is bound to (`addr` is what was asked for, for the message).
pub fn local_addr(listener: &TcpListener, addr: SocketAddr) -> Result<SocketAddr, MockError> {
    listener
        .local_addr()
        .map_err(|source| MockError::Bind { addr, source })
}

/// Raises the open-file limit to its hard maximum: one descriptor per connection.
pub fn raise_fd_limit() {
    use rustix::process::{getrlimit, setrlimit, Resource};
    let mut limit = getrlimit(Resource::Nofile);
    if limit.current < limit.maximum {
        limit.current = limit.maximum;
        let _ = setrlimit(Resource::Nofile, limit);
    }
}

/// Accepts one connection, retrying after a failure (out of file descriptors and the like:
/// back off instead of spinning), with TCP_NODELAY set.
pub(crate) async fn accept(listener: &TcpListener) -> tokio::net::TcpStream {
    loop {
        match listener.accept().await {
            Ok((stream, _)) => {
                let _ = stream.set_nodelay(true);
                return stream;
            }
            Err(e) => {
                eprintln!("llmtap mock: accept failed: {e}");
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        }
    }
}
