"""Hostile input through the real Envoy 1.40 with the filter (issue #9): llmtap never breaks
traffic and never loses a stream.

Every case proves three things:
- bytes unchanged: the SHA-256 of what the client got through Envoy equals the SHA-256 of what
  the mock upstream sends for the same request fetched directly (the hostile modes of
  `llmtap mock`, src/mock/src/hostile.rs, are deterministic);
- Envoy healthy afterwards: a normal stream succeeds (200, complete, `[DONE]`), no wasm VM was
  lost or reloaded (`wasm.envoy.wasm.runtime.v8.active` / `.created`,
  `wasm.llmtap.vm_reload_*`), and Envoy's log has no wasm panic or trap;
- the stream counted once in `llm_requests_total` with the right `outcome` (docs/metrics.md).

The failure policies (FAIL_CLOSED / FAIL_OPEN / FAIL_RELOAD) are shown with a deliberately
trapping module (docs/failure-policy.md).

Memory: Envoy's resident set (VmRSS / VmHWM of the Envoy process, /proc/PID/status) is read
around the 100 MiB event and the 2,000 concurrent streams; the figures are printed (`-s`) and
bounded far below what buffering would cost.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import http.client
import json
import resource
import time
from pathlib import Path

import brotli
import httpx
import pytest
import wasmtime

from harness import (
    CORPUS,
    WAIT_S,
    WASM,
    Envoy,
    _Dechunker,
    chat_body,
    free_port,
    http_request,
    render_bootstrap,
    sha256,
)

BIG_EVENT_BYTES = 100 * 1024 * 1024
# Far below the 100 MiB a buffering proxy or filter would need, far above Envoy's own
# flow-control buffers (1 MiB per connection by default) plus the filter's 64 KiB event cap.
BIG_EVENT_RSS_BOUND = 48 * 1024 * 1024
CONCURRENT_STREAMS = 2000
CONCURRENT_FILE = "openai-chat-sse/aigw-gpt5nano-chat-streaming.sse"
MODE_PATH = "/v1/chat/completions"

# 2,000 streams need ~2 descriptors each in this process and ~3 in Envoy (started below, so it
# inherits the raised limit): lift the soft limit to the hard one.
_soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
_want = 1 << 16 if _hard == resource.RLIM_INFINITY else _hard
if _soft != resource.RLIM_INFINITY and _soft < _want:
    resource.setrlimit(resource.RLIMIT_NOFILE, (_want, _hard))


# --------------------------------------------------------------------------------------
# Envoy for this module (its own, so memory figures and VM counters are ours alone)


@pytest.fixture(scope="module")
def proxy(artifacts, mock, tmp_path_factory):
    e = Envoy(tmp_path_factory.mktemp("envoy-hostile"), upstream=mock.url)
    e.pid = envoy_pid(e)
    e.vm_baseline = vm_stats(e)
    yield e
    e.stop()


def envoy_pid(e: Envoy) -> int:
    """The Envoy process `llmtap run` started (found by its unique `--base-id`)."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if argv and argv[0].endswith(b"envoy") and str(e.base_id).encode() in argv:
            return int(proc.name)
    raise AssertionError(f"no Envoy process with --base-id {e.base_id}")


def memory_kib(pid: int) -> dict[str, int]:
    """VmRSS (resident now) and VmHWM (peak resident) of a process, in KiB."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0])
    return out


def vm_stats(e: Envoy) -> dict[str, int]:
    status, text = e.admin("/stats?filter=^wasm\\.")
    assert status == 200
    stats = {}
    for line in text.splitlines():
        name, _, value = line.partition(": ")
        if value.strip().isdigit():
            stats[name] = int(value)
    return stats


def assert_healthy(e: Envoy) -> None:
    """A normal stream still works, and no wasm VM failed, was replaced or reloaded."""
    resp = http_request(
        e.port, "POST", MODE_PATH, headers={"x-mock-tokens": 3}, body=chat_body("it-hostile-after")
    )
    assert resp.status == 200, f"after a hostile stream Envoy answered {resp.status}: {resp.body[:300]!r}"
    assert resp.complete and resp.body.endswith(b"data: [DONE]\n\n"), resp.body[-200:]
    stats = vm_stats(e)
    for name in (
        "wasm.envoy.wasm.runtime.v8.active",
        "wasm.envoy.wasm.runtime.v8.created",
        "wasm.wasm_vm_count",
        "wasm.llmtap.vm_reload",
        "wasm.llmtap.vm_reload_failure",
        "wasm.llmtap.vm_reload_success",
    ):
        assert stats.get(name) == e.vm_baseline.get(name), (
            f"{name}: {e.vm_baseline.get(name)} at start, {stats.get(name)} now (a VM failed?)"
        )
    log = e.proc.log()
    for bad in ("panicked at", "Uncaught RuntimeError", "wasm trap", "Function: proxy_on_"):
        assert bad not in log, f"Envoy log shows a wasm failure ({bad!r}):\n{e.proc.tail(40)}"


def counted(e: Envoy, model: str, outcome: str, n: int = 1) -> None:
    metrics = e.wait_for(
        lambda m: m.total("llm_requests_total", gen_ai_request_model=model) >= n
    )
    by_outcome = {
        s.labels.get("outcome"): s.value
        for s in metrics.select("llm_requests_total", gen_ai_request_model=model)
    }
    assert by_outcome == {outcome: n}, f"{model}: llm_requests_total by outcome {by_outcome}"


def hostile_headers(mode: str, **extra) -> dict[str, str]:
    return {"x-mock-hostile": mode, **{k: str(v) for k, v in extra.items()}}


# --------------------------------------------------------------------------------------
# Streaming reads (the 100 MiB body is hashed as it comes, never held)


def stream_digest(
    port: int, headers: dict[str, str], body: dict, stop_after: int | None = None
) -> tuple[int, str, int, bool]:
    """POSTs and hashes the (de-chunked) response body as it arrives. With `stop_after`, hangs
    up once that many body bytes are in (hashing exactly that many). Returns status, SHA-256,
    byte count and whether the body ended cleanly."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        payload = json.dumps(body).encode()
        conn.request("POST", MODE_PATH, body=payload,
                     headers={"content-type": "application/json", **headers})
        resp = conn.getresponse()
        digest = hashlib.sha256()
        n = 0
        clean = False
        while True:
            want = 1 << 16 if stop_after is None else min(1 << 16, stop_after - n)
            if want == 0:
                break
            try:
                chunk = resp.read1(want)
            except (http.client.IncompleteRead, ConnectionResetError):
                break
            if not chunk:
                clean = stop_after is None
                break
            digest.update(chunk)
            n += len(chunk)
        return resp.status, digest.hexdigest(), n, clean
    finally:
        conn.close()


def raw_upstream(mock_port: int, headers: dict[str, str], body: dict) -> bytes:
    """What the mock sends for this request, read directly (also when it resets)."""
    return http_request(mock_port, "POST", MODE_PATH, headers=headers, body=body).body


# --------------------------------------------------------------------------------------
# The cases


@pytest.mark.parametrize(
    "mode, outcome",
    [
        ("invalid-utf8", "complete"),
        ("nul", "complete"),
        ("nesting-bomb", "complete"),
        ("byte-per-write", "complete"),
    ],
)
def test_malformed_streams_pass_unchanged_and_are_counted(proxy, mock, mode, outcome):
    model = f"it-hostile-{mode}"
    headers = hostile_headers(mode)
    sent = raw_upstream(mock.port, headers, chat_body(model))
    resp = http_request(proxy.port, "POST", MODE_PATH, headers=headers, body=chat_body(model))
    assert resp.status == 200 and resp.complete
    assert sha256(resp.body) == sha256(sent), f"{mode}: bytes changed on the way"
    counted(proxy, model, outcome)
    assert_healthy(proxy)


def test_byte_per_write_stream_is_still_read(proxy, mock):
    """One byte per upstream write: the filter still reads every event (usage included)."""
    model = "it-hostile-bytewise-usage"
    resp = http_request(proxy.port, "POST", MODE_PATH, headers=hostile_headers("byte-per-write"),
                        body=chat_body(model))
    assert resp.status == 200 and resp.complete
    m = proxy.wait_for(lambda m: m.total("llm_tokens_total", gen_ai_request_model=model) > 0)
    assert m.total("llm_tokens_total", gen_ai_request_model=model, gen_ai_token_type="output") == 8
    assert m.total("llm_tokens_total", gen_ai_request_model=model, gen_ai_token_type="input") == 5


def test_100_mib_event_without_newline(proxy, mock, capsys):
    model = "it-hostile-big-event"
    headers = hostile_headers("big-event", **{"x-mock-hostile-bytes": BIG_EVENT_BYTES})
    status, direct_sha, direct_n, clean = stream_digest(mock.port, headers, chat_body(model))
    assert status == 200 and clean and direct_n > BIG_EVENT_BYTES
    before = memory_kib(proxy.pid)
    status, sha, n, clean = stream_digest(proxy.port, headers, chat_body(model))
    after = memory_kib(proxy.pid)
    assert status == 200 and clean
    assert (n, sha) == (direct_n, direct_sha), "the 100 MiB event changed on the way"
    # The event (one 100 MiB answer string) is read as it streams, in bounded memory: it is
    # the stream's content event, and the usage after it is read too.
    counted(proxy, model, "complete")
    ttft = "llm_time_to_first_token_milliseconds_count"
    m = proxy.wait_for(lambda m: m.total(ttft, gen_ai_request_model=model) >= 1)
    assert m.total("llm_tokens_total", gen_ai_request_model=model, gen_ai_token_type="output") == 1
    assert m.total(ttft, gen_ai_request_model=model) == 1
    assert_healthy(proxy)
    growth = (after["VmHWM"] - before["VmHWM"]) * 1024
    with capsys.disabled():
        print(
            f"\n[memory] 100 MiB event: Envoy VmRSS {before['VmRSS']} -> {after['VmRSS']} KiB, "
            f"peak VmHWM {before['VmHWM']} -> {after['VmHWM']} KiB (+{growth // 1024} KiB)"
        )
    assert growth < BIG_EVENT_RSS_BOUND, f"Envoy's peak RSS grew by {growth} bytes"


def test_client_hangs_up_inside_a_huge_event(proxy, mock):
    """The client leaves 5 MiB into the 100 MiB event (the filter is reading it as it streams)."""
    model = "it-hostile-hangup"
    headers = hostile_headers("big-event", **{"x-mock-hostile-bytes": BIG_EVENT_BYTES})
    cut = 5 * 1024 * 1024
    _, direct_sha, _, _ = stream_digest(mock.port, headers, chat_body(model), stop_after=cut)
    status, sha, n, _ = stream_digest(proxy.port, headers, chat_body(model), stop_after=cut)
    assert status == 200 and n == cut
    assert sha == direct_sha, "the first 5 MiB changed on the way"
    counted(proxy, model, "client_disconnect")
    assert_healthy(proxy)


def test_upstream_reset_mid_event(proxy, mock):
    model = "it-hostile-reset"
    headers = hostile_headers("reset-mid-event")
    sent = raw_upstream(mock.port, headers, chat_body(model))
    assert sent and not sent.endswith(b"\n\n"), "the mock must stop inside an event"
    resp = http_request(proxy.port, "POST", MODE_PATH, headers=headers, body=chat_body(model))
    assert resp.status == 200 and not resp.complete
    assert sha256(resp.body) == sha256(sent), "the bytes before the reset changed on the way"
    counted(proxy, model, "upstream_reset")
    assert_healthy(proxy)


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_compressed_body_is_passed_and_not_parsed(proxy, mock, encoding):
    """A gzip/br-encoded SSE stream: passed byte for byte, detected by `content-encoding` and
    not parsed (no tokens, no content measured from compressed bytes)."""
    model = f"it-hostile-{encoding}"
    plain = raw_upstream(mock.port, hostile_headers("byte-per-write"), chat_body(model))
    packed = gzip.compress(plain) if encoding == "gzip" else brotli.compress(plain)
    body = chat_body(model, echo_bytes=list(packed))
    headers = hostile_headers("echo", **{"x-mock-content-encoding": encoding})
    resp = http_request(proxy.port, "POST", MODE_PATH, headers=headers, body=body)
    assert resp.status == 200 and resp.complete
    assert resp.header("content-encoding") == encoding
    assert sha256(resp.body) == sha256(packed), "the compressed body changed on the way"
    unpacked = gzip.decompress(resp.body) if encoding == "gzip" else brotli.decompress(resp.body)
    assert unpacked == plain
    # Not parsed: no terminator, no usage, no content seen (the input-token figure, if any,
    # is the filter's estimate from the request, not read from the body).
    counted(proxy, model, "encoded")
    m = proxy.scrape()
    mine = dict(gen_ai_request_model=model)
    assert m.total("llm_tokens_total", gen_ai_token_type="output", **mine) == 0, m.llm_lines(**mine)
    assert not m.select("llm_tokens_total", token_source="usage", **mine), m.llm_lines(**mine)
    assert m.total("llm_time_to_first_token_milliseconds_count", **mine) == 0
    assert_healthy(proxy)


def test_http2_downstream(proxy, mock):
    """h2c (prior knowledge) from the client to Envoy, HTTP/1.1 to the upstream."""
    model = "it-hostile-h2"
    headers = hostile_headers("invalid-utf8")
    sent = raw_upstream(mock.port, headers, chat_body(model))
    with httpx.Client(http1=False, http2=True, timeout=WAIT_S) as client:
        with client.stream("POST", f"http://127.0.0.1:{proxy.port}{MODE_PATH}",
                           headers=headers, json=chat_body(model)) as resp:
            assert resp.http_version == "HTTP/2"
            assert resp.status_code == 200
            got = b"".join(resp.iter_raw())
    assert sha256(got) == sha256(sent)
    counted(proxy, model, "complete")
    assert_healthy(proxy)


def test_thousands_of_concurrent_streams(proxy, mock, capsys):
    """2,000 streams in flight at once (each a corpus replay with 200 ms between events, ~10 s):
    every one byte-identical to the file, every one counted. The client is plain asyncio
    sockets (all connections opened first, then every request sent, then every response read)
    so the streams really overlap."""
    model = "it-hostile-concurrent"
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    assert soft == resource.RLIM_INFINITY or soft >= 3 * CONCURRENT_STREAMS, (
        f"open-file limit {soft} is too low for {CONCURRENT_STREAMS} streams (ulimit -n)"
    )
    expected = sha256((CORPUS / CONCURRENT_FILE).read_bytes())
    request = (
        f"POST {MODE_PATH} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: close\r\n"
        f"x-mock-replay: {CONCURRENT_FILE}\r\nx-mock-replay-delay-ms: 200\r\n"
        "content-type: application/json\r\n"
    )
    payload = json.dumps(chat_body(model)).encode()
    request = (request + f"content-length: {len(payload)}\r\n\r\n").encode() + payload
    before = memory_kib(proxy.pid)
    peak_rss = [before["VmRSS"]]
    in_flight_seen = [0]

    async def sample(done: asyncio.Event) -> None:
        while not done.is_set():
            rss = await asyncio.to_thread(memory_kib, proxy.pid)
            peak_rss[0] = max(peak_rss[0], rss["VmRSS"])
            m = await asyncio.to_thread(proxy.scrape)
            in_flight_seen[0] = max(in_flight_seen[0], int(m.total("llm_requests_in_flight")))
            await asyncio.sleep(0.2)

    async def read_response(reader: asyncio.StreamReader) -> tuple[int, str]:
        raw = await reader.read()  # to EOF (connection: close)
        head, _, body = raw.partition(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        assert b"transfer-encoding: chunked" in head.lower(), head
        dechunk = _Dechunker()
        data = dechunk.feed(body)
        assert dechunk.done, "chunked body not finished"
        return status, hashlib.sha256(data).hexdigest()

    async def run() -> list:
        done = asyncio.Event()
        sampler = asyncio.create_task(sample(done))
        conns = await asyncio.gather(
            *(asyncio.open_connection("127.0.0.1", proxy.port) for _ in range(CONCURRENT_STREAMS))
        )
        for _, writer in conns:
            writer.write(request)
        await asyncio.gather(*(writer.drain() for _, writer in conns))
        results = await asyncio.wait_for(
            asyncio.gather(*(read_response(r) for r, _ in conns), return_exceptions=True),
            timeout=300,
        )
        for _, writer in conns:
            writer.close()
        done.set()
        await sampler
        return results

    results = asyncio.run(run())
    errors = [r for r in results if isinstance(r, BaseException)]
    assert not errors, f"{len(errors)} streams failed, first: {errors[0]!r}"
    statuses = {s for s, _ in results}
    assert statuses == {200}, statuses
    wrong = sum(1 for _, digest in results if digest != expected)
    assert wrong == 0, f"{wrong} of {CONCURRENT_STREAMS} streams changed on the way"
    m = proxy.wait_for(
        lambda m: m.total("llm_requests_total", gen_ai_request_model=model) >= CONCURRENT_STREAMS
    )
    assert m.total("llm_requests_total", gen_ai_request_model=model) == CONCURRENT_STREAMS
    after = memory_kib(proxy.pid)
    assert_healthy(proxy)
    per_stream = (peak_rss[0] - before["VmRSS"]) * 1024 / CONCURRENT_STREAMS
    with capsys.disabled():
        print(
            f"\n[memory] {CONCURRENT_STREAMS} concurrent streams (max {in_flight_seen[0]} in flight "
            f"at a scrape): Envoy VmRSS {before['VmRSS']} -> peak {peak_rss[0]} -> "
            f"{after['VmRSS']} KiB; {per_stream / 1024:.1f} KiB per stream"
        )
    assert in_flight_seen[0] >= CONCURRENT_STREAMS // 2, (
        f"at most {in_flight_seen[0]} streams were in flight at once"
    )


# --------------------------------------------------------------------------------------
# Failure policy: what happens to traffic if the VM fails anyway (docs/failure-policy.md).
# The shipped module has no way to trap on purpose (and must not); the failing VM is this
# deliberately broken proxy-wasm module instead, assembled here from text: it lets requests
# and response headers through and traps (`unreachable`) on the first response body call.

TRAPPING_MODULE_WAT = """
(module
  (memory (export "memory") 2)
  (global $heap (mut i32) (i32.const 1024))
  ;; proxy-wasm ABI 0.2.1, the callbacks Envoy needs to run an HTTP filter
  (func (export "proxy_abi_version_0_2_1"))
  (func (export "proxy_on_memory_allocate") (param $size i32) (result i32)
    (local $at i32)
    (local.set $at (global.get $heap))
    (global.set $heap (i32.add (global.get $heap) (local.get $size)))
    (local.get $at))
  (func (export "proxy_on_context_create") (param i32 i32))
  (func (export "proxy_on_vm_start") (param i32 i32) (result i32) (i32.const 1))
  (func (export "proxy_on_configure") (param i32 i32) (result i32) (i32.const 1))
  (func (export "proxy_on_request_headers") (param i32 i32 i32) (result i32) (i32.const 0))
  (func (export "proxy_on_response_headers") (param i32 i32 i32) (result i32) (i32.const 0))
  ;; the failure: a trap in the middle of a response
  (func (export "proxy_on_response_body") (param i32 i32 i32) (result i32) unreachable)
  (func (export "proxy_on_done") (param i32) (result i32) (i32.const 1))
  (func (export "proxy_on_log") (param i32))
  (func (export "proxy_on_delete") (param i32)))
"""


def envoy_with_trapping_module(mock, tmp: Path, policy: str) -> Envoy:
    """`llmtap run`'s bootstrap with the trapping module and this failure policy, one worker
    (so every request meets the same VM)."""
    module = tmp / "trapping.wasm"
    module.write_bytes(wasmtime.wat2wasm(TRAPPING_MODULE_WAT))
    listen, admin = free_port(), free_port()
    text = render_bootstrap(mock.url, listen, admin)
    assert text.count("failure_policy: FAIL_OPEN") == 1 and str(WASM) in text
    text = text.replace("failure_policy: FAIL_OPEN", f"failure_policy: {policy}")
    path = tmp / f"bootstrap-{policy}.yaml"
    path.write_text(text.replace(str(WASM), str(module)))
    return Envoy(tmp, bootstrap=path, listen_port=listen, admin_port=admin, concurrency=1)


@pytest.mark.parametrize("policy", ["FAIL_CLOSED", "FAIL_OPEN", "FAIL_RELOAD"])
def test_failure_policy_decides_what_traffic_gets_after_a_vm_trap(mock, tmp_path, policy):
    headers = hostile_headers("nul")
    sent = raw_upstream(mock.port, headers, chat_body("it-failure-policy"))
    e = envoy_with_trapping_module(mock, tmp_path, policy)
    try:
        def request():
            return http_request(e.port, "POST", MODE_PATH, headers=headers,
                                body=chat_body("it-failure-policy"))

        # The request whose body hits the trap is cut, whatever the policy.
        first = request()
        assert first.status == 200 and not first.complete, (first.status, first.complete)
        e.proc.wait_for_log(r"proxy_on_response_body failed: Uncaught RuntimeError: unreachable")
        later = [request() for _ in range(3)]
        if policy == "FAIL_CLOSED":
            # Envoy's default: every later request on that worker fails, for good.
            assert [r.status for r in later] == [503, 503, 503]
        elif policy == "FAIL_OPEN":
            # Traffic keeps flowing, byte for byte, unfiltered.
            for r in later:
                assert r.status == 200 and r.complete and sha256(r.body) == sha256(sent)
        else:
            # 503 while the reload backs off, then a fresh VM (which traps again here).
            deadline = time.monotonic() + WAIT_S
            while vm_stats(e).get("wasm.llmtap.vm_reload_success", 0) == 0:
                assert time.monotonic() < deadline, f"no VM reload: {vm_stats(e)}"
                later.append(request())
            assert 503 in [r.status for r in later]
            assert not any(r.complete and r.status == 200 for r in later)
    finally:
        e.stop()
