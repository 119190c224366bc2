"""A prompt-samples receiver for the integration tests: the aggregator's side of the wire
contract (docs/prompt-sampling.md), recording every batch it is sent.

`POST <path>` with `authorization: Bearer <token>` and `content-type: application/x-ndjson`;
the body is NDJSON, one object with a string `prompt` per line. Answers 202
`{"accepted": N}`, 400 for a bad line, 401 for a wrong token, 415 for a wrong content type
(recorded in `rejections`), or `status` when a test sets one.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PATH = "/v1/prompt-samples"


class SamplesReceiver:
    def __init__(self, token: str, status: int = 202):
        self.token = token
        self.status = status
        self.lock = threading.Lock()
        self.batches: list[list[dict]] = []
        self.raw_bodies: list[bytes] = []
        self.rejections: list[str] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length)
                code, reply = receiver._handle(self.path, dict(self.headers.items()), body)
                data = json.dumps(reply).encode()
                self.send_response(code)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def _handle(self, path: str, headers: dict, body: bytes) -> tuple[int, dict]:
        headers = {k.lower(): v for k, v in headers.items()}
        with self.lock:
            self.raw_bodies.append(body)
            if path != PATH:
                self.rejections.append(f"path {path}")
                return 404, {"error": "not found"}
            if headers.get("authorization") != f"Bearer {self.token}":
                self.rejections.append(f"authorization {headers.get('authorization')!r}")
                return 401, {"error": "unauthorized"}
            if headers.get("content-type") != "application/x-ndjson":
                self.rejections.append(f"content-type {headers.get('content-type')!r}")
                return 415, {"error": "content type"}
            lines = []
            for number, line in enumerate(body.split(b"\n"), start=1):
                if not line:
                    continue
                try:
                    obj = json.loads(line)
                except ValueError as e:
                    self.rejections.append(f"line {number}: {e}")
                    return 400, {"error": f"line {number}: not JSON"}
                if not isinstance(obj, dict) or not isinstance(obj.get("prompt"), str):
                    self.rejections.append(f"line {number}: no string prompt")
                    return 400, {"error": f"line {number}: no string prompt"}
                lines.append(obj)
            if self.status // 100 != 2:
                return self.status, {"error": "told to fail"}
            self.batches.append(lines)
            return self.status, {"accepted": len(lines)}

    def samples(self) -> list[dict]:
        with self.lock:
            return [line for batch in self.batches for line in batch]

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
