#!/usr/bin/env node
// Drives a proxy-wasm module (build/llmtap.wasm or the no-op module) in node's V8 the way Envoy
// does, and counts what a streamed chunk costs in a way a busy machine cannot disturb:
//
//   node --no-liftoff --no-wasm-lazy-compilation bench/v8_chunk_cost.js MODULE STREAMS EVENTS [CONFIG]
//
// runs STREAMS OpenAI chat streams of EVENTS one-token chunks (one `proxy_on_response_body` per
// chunk, as at a model's token cadence), with the plugin configuration CONFIG (JSON, default
// `{}`), and prints JSON: the module's linear memory in 64 KiB pages (instantiated, configured,
// after the streams), the host calls the module made, by
// name, per chunk and per stream (the proxy-wasm imports and the WASI clock; the callback into
// `proxy_on_memory_allocate` that each body copy makes is counted too), and the module's size.
// Run it under `valgrind --tool=callgrind` twice with different EVENTS: the difference of the
// instruction counts divided by the extra chunks is the V8 (TurboFan, as Envoy configures it:
// `--no-liftoff`) instructions per chunk, host functions included. See bench/FINDINGS-cadence.md.
//
// The host here is JavaScript, not Envoy's C++: its own instructions per call differ, its call
// counts do not. Envoy 1.40's V8 is newer than node's; the module and the flags are the same.
"use strict";
const fs = require("fs");

const [modulePath, streamsArg, eventsArg, configArg] = process.argv.slice(2);
if (!modulePath) {
  console.error("usage: v8_chunk_cost.js MODULE STREAMS EVENTS [CONFIG]");
  process.exit(2);
}
const STREAMS = Number(streamsArg || 4);
const EVENTS = Number(eventsArg || 50);

const bytes = fs.readFileSync(modulePath);
const calls = {};
let counting = false;
const count = (name) => {
  if (counting) calls[name] = (calls[name] || 0) + 1;
};

let instance;
// Views are rebuilt only when the module's memory grows (growing detaches the old buffer), so
// the host allocates next to nothing per call and the JavaScript heap's collections, which
// callgrind would count, stay out of the differences.
let u8 = null;
let dv = null;
const mem = () => {
  if (!u8 || u8.buffer !== instance.exports.memory.buffer) u8 = new Uint8Array(instance.exports.memory.buffer);
  return u8;
};
const view = () => {
  if (!dv || dv.buffer !== instance.exports.memory.buffer) dv = new DataView(instance.exports.memory.buffer);
  return dv;
};
const enc = new TextEncoder();
const dec = new TextDecoder();
const str = (ptr, len) => dec.decode(mem().subarray(ptr, ptr + len));

// What the host holds for the current callback.
const state = { config: enc.encode(configArg || "{}"), reqHeaders: [], respHeaders: [], reqBody: new Uint8Array(), respBody: new Uint8Array() };
const metrics = [];

function give(data, retPtr, retLen) {
  count("proxy_on_memory_allocate (callback)");
  const ptr = instance.exports.proxy_on_memory_allocate(data.length);
  mem().set(data, ptr);
  view().setUint32(retPtr, ptr, true);
  view().setUint32(retLen, data.length, true);
  return 0;
}

const env = new Proxy({
  proxy_log: (level, ptr, len) => { count("proxy_log"); if (level >= 4) console.error(str(ptr, len)); return 0; },
  proxy_get_log_level: (ret) => { count("proxy_get_log_level"); view().setUint32(ret, 2, true); return 0; },
  proxy_get_buffer_bytes: (type, start, max, retPtr, retLen) => {
    count("proxy_get_buffer_bytes");
    const buf = type === 0 ? state.reqBody : type === 1 ? state.respBody : type === 7 ? state.config : null;
    if (!buf) return 1;
    return give(buf.subarray(start >>> 0, Math.min(buf.length, (start >>> 0) + (max >>> 0))), retPtr, retLen);
  },
  proxy_get_header_map_value: (map, kPtr, kLen, retPtr, retLen) => {
    count("proxy_get_header_map_value");
    const key = str(kPtr, kLen);
    const headers = map === 0 ? state.reqHeaders : map === 2 ? state.respHeaders : [];
    const hit = headers.find(([k]) => k === key);
    return hit ? give(enc.encode(hit[1]), retPtr, retLen) : 1;
  },
  proxy_remove_header_map_value: () => { count("proxy_remove_header_map_value"); return 0; },
  proxy_get_property: () => { count("proxy_get_property"); return 1; },
  proxy_set_property: () => { count("proxy_set_property"); return 0; },
  proxy_define_metric: (kind, ptr, len, ret) => {
    count("proxy_define_metric");
    metrics.push([kind, str(ptr, len)]);
    view().setUint32(ret, metrics.length - 1, true);
    return 0;
  },
  proxy_increment_metric: () => { count("proxy_increment_metric"); return 0; },
  proxy_record_metric: () => { count("proxy_record_metric"); return 0; },
  proxy_get_current_time_nanoseconds: (ret) => { count("proxy_get_current_time_nanoseconds"); view().setBigUint64(ret, process.hrtime.bigint(), true); return 0; },
}, {
  get: (target, name) => target[name] || (() => { count(String(name)); return 10; }),
});

const wasi = new Proxy({
  clock_time_get: (id, precision, ret) => { count("clock_time_get"); view().setBigUint64(ret, process.hrtime.bigint(), true); return 0; },
  environ_sizes_get: (a, b) => { view().setUint32(a, 0, true); view().setUint32(b, 0, true); return 0; },
  environ_get: () => 0,
  random_get: (ptr, len) => { mem().fill(7, ptr, ptr + len); return 0; },
  fd_write: () => { count("fd_write"); return 8; },
  proc_exit: (code) => { throw new Error(`proc_exit ${code}`); },
}, { get: (target, name) => target[name] || (() => { count(String(name)); return 52; }) });

instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env, wasi_snapshot_preview1: wasi });
const x = instance.exports;
// The module's linear memory in 64 KiB wasm pages: as instantiated, after the VM's start and
// configuration, and after the streams (a linear memory never shrinks).
const pages = () => x.memory.buffer.byteLength / 65536;
const memoryPages = { instantiated: pages() };
x._initialize();
x.proxy_on_context_create(1, 0);
x.proxy_on_vm_start(1, 0);
if (!x.proxy_on_configure(1, state.config.length)) throw new Error("on_configure refused");
memoryPages.configured = pages();

const event = (i) => enc.encode(`data: {"id":"chatcmpl-bench","object":"chat.completion.chunk","model":"bench-model","choices":[{"index":0,"delta":{"content":" w${i % 10}"},"finish_reason":null}]}\n\n`);
const first = enc.encode('data: {"id":"chatcmpl-bench","object":"chat.completion.chunk","model":"bench-model","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}\n\n');
const last = enc.encode(`data: {"id":"chatcmpl-bench","object":"chat.completion.chunk","model":"bench-model","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":${EVENTS}}}\n\ndata: [DONE]\n\n`);
const events = Array.from({ length: 10 }, (_, i) => event(i));

let nextId = 2;
const perChunk = {};
const perStream = {};
const snapshot = () => ({ ...calls });
const diff = (a, b) => Object.fromEntries(Object.keys(b).map((k) => [k, (b[k] || 0) - (a[k] || 0)]).filter(([, v]) => v));
// One stream through the module: `phase(name, fn)` runs each callback group, so that the
// same driving code can count host calls or time the phases.
function runStream(id, phase) {
  phase("1 create + request headers", () => {
    x.proxy_on_context_create(id, 1);
    state.reqHeaders = [[":path", "/v1/chat/completions"], [":method", "POST"], ["content-type", "application/json"]];
    x.proxy_on_request_headers(id, state.reqHeaders.length, false);
  });
  state.reqBody = enc.encode('{"model":"bench-model","stream":true,"messages":[{"role":"user","content":"Say something."}]}');
  phase("2 request body", () => x.proxy_on_request_body(id, state.reqBody.length, true));
  state.respHeaders = [[":status", "200"], ["content-type", "text/event-stream"]];
  phase("3 response headers", () => x.proxy_on_response_headers(id, state.respHeaders.length, false));
  state.respBody = first;
  phase("4 first body chunk", () => x.proxy_on_response_body(id, first.length, false));
  for (let i = 0; i < EVENTS; i++) {
    state.respBody = events[i % 10];
    phase(i === EVENTS - 1 ? "5 content chunk (each), last" : "5 content chunk (each)",
      () => x.proxy_on_response_body(id, state.respBody.length, false));
  }
  state.respBody = last;
  phase("6 last chunk, end, log, delete", () => {
    x.proxy_on_response_body(id, last.length, false);
    state.respBody = new Uint8Array();
    x.proxy_on_response_body(id, 0, true);
    x.proxy_on_log(id);
    x.proxy_on_done(id);
    x.proxy_on_delete(id);
  });
}

// `PHASE_TIMES=1`: instead of counting host calls, time each phase of a stream in this V8 (hot:
// the same few streams over and over, caches warm) and print microseconds per phase, per chunk
// for the content chunks. Compare with Envoy's per-chunk figures in bench/RESULTS.md to see how
// much of a cold chunk's cost is cache and TLB misses rather than work (bench/FINDINGS-cadence.md §8).
if (process.env.PHASE_TIMES) {
  const T = {};
  const WARM = 500;
  for (let s = 0; s < STREAMS + WARM; s++) {
    if (s === WARM) for (const k of Object.keys(T)) T[k] = 0n;
    runStream(nextId++, (name, f) => {
      const key = name.replace(", last", "");
      const t0 = process.hrtime.bigint();
      f();
      T[key] = (T[key] || 0n) + (process.hrtime.bigint() - t0);
    });
  }
  const us = {};
  for (const [k, v] of Object.entries(T)) us[k] = Number(v) / STREAMS / (k.startsWith("5") ? EVENTS : 1) / 1000;
  console.log(JSON.stringify({ module: modulePath, streams: STREAMS, events_per_stream: EVENTS, microseconds: us }));
  process.exit(0);
}

for (let s = 0; s < STREAMS; s++) {
  counting = true;
  const streamStart = snapshot();
  const lastStream = s === STREAMS - 1;
  runStream(nextId++, (name, f) => {
    const before = lastStream && name.endsWith(", last") ? snapshot() : null;
    f();
    if (before) Object.assign(perChunk, diff(before, snapshot()));
  });
  if (lastStream) Object.assign(perStream, diff(streamStart, snapshot()));
}
const sum = (o) => Object.values(o).reduce((a, b) => a + b, 0);
console.log(JSON.stringify({
  module: modulePath, module_bytes: bytes.length, streams: STREAMS, events_per_stream: EVENTS,
  host_calls_per_chunk: sum(perChunk), per_chunk: perChunk,
  host_calls_per_stream: sum(perStream), per_stream: perStream, memory_pages: memoryPages,
}));
