//! A fake proxy for driving the filter natively at the proxy-wasm ABI.
//!
//! The proxy-wasm SDK declares the host functions (`proxy_log`, `proxy_get_buffer_bytes`…)
//! as `extern "C"` imports and exports the entry points (`proxy_on_request_body`…) as
//! `#[no_mangle]` functions. Built natively, the imports are ordinary undefined symbols: this
//! module defines them, so the test binary links the filter's rlib against a host made of
//! thread-local state, and calls the entry points exactly as Envoy does. No wasm runtime is
//! needed (proxy-wasm-test-framework is git-only and pulls wasmtime; a wasmtime harness
//! could not run Envoy's semantics any better than this), and panics keep their full output.
//!
//! The host follows Envoy 1.40 where the filter depends on it (shared/notes/envoy-and-istio.md):
//! after `Continue` a body call carries only its new bytes, after `Pause` Envoy buffers and
//! the next call reports the whole buffer; what a callback leaves in the buffer is what the
//! other side receives. Each test thread has its own host and its own SDK dispatcher.
//!
//! A panic inside an entry point cannot unwind out of its `extern "C"` frame: it aborts the
//! test binary, after the filter's panic hook has printed its critical line to stderr.

use proxy_wasm::types::{Action, BufferType, LogLevel, MapType, MetricType, Status};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};

/// The entry points the SDK exports from the filter's rlib.
mod module {
    use proxy_wasm::types::Action;
    extern "C" {
        pub fn _initialize();
        pub fn proxy_on_memory_allocate(size: usize) -> *mut u8;
        pub fn proxy_on_context_create(context_id: u32, root_context_id: u32);
        pub fn proxy_on_vm_start(context_id: u32, vm_configuration_size: usize) -> bool;
        pub fn proxy_on_configure(context_id: u32, plugin_configuration_size: usize) -> bool;
        pub fn proxy_on_request_headers(id: u32, headers: usize, end_of_stream: bool) -> Action;
        pub fn proxy_on_request_body(id: u32, body_size: usize, end_of_stream: bool) -> Action;
        pub fn proxy_on_response_headers(id: u32, headers: usize, end_of_stream: bool) -> Action;
        pub fn proxy_on_response_body(id: u32, body_size: usize, end_of_stream: bool) -> Action;
        pub fn proxy_on_log(context_id: u32);
        pub fn proxy_on_done(context_id: u32) -> bool;
        pub fn proxy_on_delete(context_id: u32);
    }
}

/// One stat the module defined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Metric {
    pub kind: MetricType,
    pub name: String,
}

/// One `proxy_set_buffer_bytes` call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BufferWrite {
    pub buffer: BufferType,
    pub start: usize,
    pub size: usize,
    pub bytes: Vec<u8>,
}

/// Everything the host holds and saw.
#[derive(Default)]
pub struct Host {
    pub plugin_configuration: Vec<u8>,
    pub request_headers: Vec<(String, String)>,
    pub response_headers: Vec<(String, String)>,
    /// Request body bytes of the current callback (all buffered bytes after a `Pause`).
    pub request_buffer: Vec<u8>,
    pub response_buffer: Vec<u8>,
    /// What left the proxy on each side.
    pub upstream_request: Vec<u8>,
    pub downstream_response: Vec<u8>,
    /// `get_property` answers, keyed by the path segments joined with `.`.
    pub properties: HashMap<String, Vec<u8>>,
    /// `set_property` calls, in order.
    pub set_properties: Vec<(String, Vec<u8>)>,
    pub metrics: Vec<Metric>,
    pub increments: Vec<(u32, i64)>,
    pub records: Vec<(u32, u64)>,
    pub logs: Vec<(LogLevel, String)>,
    pub buffer_writes: Vec<BufferWrite>,
    /// `proxy_get_buffer_bytes` calls on a request or response body.
    pub body_reads: u32,
    pub removed_request_headers: Vec<String>,
    /// Host functions called that the filter must not use (see `refused!`).
    pub refused_calls: Vec<&'static str>,
    /// Every host function the module called, in order, and `proxy_on_memory_allocate` for
    /// each time the host called back into the module to hand it bytes. (The clock is WASI's
    /// `clock_time_get` in the module and `std::time::Instant` here: not counted.)
    pub calls: Vec<&'static str>,
}

thread_local! {
    static HOST: RefCell<Host> = RefCell::new(Host::default());
}

/// Reads or changes this thread's host.
pub fn host<T>(f: impl FnOnce(&mut Host) -> T) -> T {
    HOST.with(|h| f(&mut h.borrow_mut()))
}

impl Host {
    /// The request body buffer and what went upstream.
    fn upstream_side(&mut self) -> (&mut Vec<u8>, &mut Vec<u8>) {
        (&mut self.request_buffer, &mut self.upstream_request)
    }

    /// The response body buffer and what went downstream.
    fn downstream_side(&mut self) -> (&mut Vec<u8>, &mut Vec<u8>) {
        (&mut self.response_buffer, &mut self.downstream_response)
    }

    fn metric_ids(&self, prefix: &str) -> Vec<u32> {
        (0..self.metrics.len())
            .filter(|&i| self.metrics[i].name.starts_with(prefix))
            .map(|i| i as u32)
            .collect()
    }

    /// Sum of increments of every series whose stat name starts with `prefix`.
    pub fn counter(&self, prefix: &str) -> i64 {
        let ids = self.metric_ids(prefix);
        self.increments
            .iter()
            .filter(|(id, _)| ids.contains(id))
            .map(|(_, delta)| delta)
            .sum()
    }

    /// Samples recorded in every histogram whose stat name starts with `prefix`.
    pub fn histogram(&self, prefix: &str) -> Vec<u64> {
        let ids = self.metric_ids(prefix);
        self.records
            .iter()
            .filter(|(id, _)| ids.contains(id))
            .map(|(_, value)| *value)
            .collect()
    }

    /// Names of the stats defined, in order.
    pub fn metric_names(&self) -> Vec<String> {
        self.metrics.iter().map(|m| m.name.clone()).collect()
    }

    /// The last value the module set for a property.
    pub fn property_set(&self, key: &str) -> Option<String> {
        self.set_properties
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
    }

    pub fn logs_at(&self, level: LogLevel) -> Vec<String> {
        self.logs
            .iter()
            .filter(|(l, _)| *l == level)
            .map(|(_, m)| m.clone())
            .collect()
    }

    fn headers(&self, map: u32) -> Option<&Vec<(String, String)>> {
        if map == MapType::HttpRequestHeaders as u32 {
            Some(&self.request_headers)
        } else if map == MapType::HttpResponseHeaders as u32 {
            Some(&self.response_headers)
        } else {
            None
        }
    }

    fn buffer(&mut self, buffer: u32) -> Option<&mut Vec<u8>> {
        if buffer == BufferType::HttpRequestBody as u32 {
            Some(&mut self.request_buffer)
        } else if buffer == BufferType::HttpResponseBody as u32 {
            Some(&mut self.response_buffer)
        } else if buffer == BufferType::PluginConfiguration as u32 {
            Some(&mut self.plugin_configuration)
        } else {
            None
        }
    }
}

// ---- The VM, as Envoy drives it. ----

/// Context ids are unique in the process, so tests sharing a thread never collide.
static NEXT_CONTEXT_ID: AtomicU32 = AtomicU32::new(1);

fn next_context_id() -> u32 {
    NEXT_CONTEXT_ID.fetch_add(1, Ordering::Relaxed)
}

/// One VM with its root context, configured.
pub struct Vm {
    root: u32,
}

impl Vm {
    /// Instantiates the module on a fresh host (`_initialize`), creates the root context, and
    /// runs `on_vm_start` and `on_configure` with `configuration`, as Envoy does. Returns the
    /// VM and what `on_configure` answered.
    pub fn start(configuration: &str) -> (Vm, bool) {
        host(|h| {
            *h = Host::default();
            h.plugin_configuration = configuration.as_bytes().to_vec();
        });
        let root = next_context_id();
        // SAFETY: the entry points take plain integers; the host functions they call are
        // defined below.
        let configured = unsafe {
            module::_initialize();
            module::proxy_on_context_create(root, 0);
            assert!(module::proxy_on_vm_start(root, 0), "on_vm_start refused");
            module::proxy_on_configure(root, configuration.len())
        };
        (Vm { root }, configured)
    }

    /// A new HTTP stream on this VM.
    pub fn http(&self) -> Http {
        let id = next_context_id();
        // SAFETY: as in `start`.
        unsafe { module::proxy_on_context_create(id, self.root) };
        Http {
            id,
            request_paused: false,
            response_paused: false,
        }
    }
}

/// A body entry point: `proxy_on_request_body` or `proxy_on_response_body`.
type BodyEntry = unsafe extern "C" fn(u32, usize, bool) -> Action;

/// Calls `entry` for a read of `bytes` on stream `id` under Envoy's buffering rules: after a
/// `Pause` (`paused`) the body buffer of `side` keeps what came before; on `Continue` the
/// buffer, as the module left it, goes to the side's sink.
fn deliver_body(
    id: u32,
    paused: &mut bool,
    (bytes, end_of_stream): (&[u8], bool),
    side: fn(&mut Host) -> (&mut Vec<u8>, &mut Vec<u8>),
    entry: BodyEntry,
) -> Action {
    let size = host(|h| {
        let (buffer, _) = side(h);
        if !*paused {
            buffer.clear();
        }
        buffer.extend_from_slice(bytes);
        buffer.len()
    });
    // SAFETY: as in `Vm::start`.
    let action = unsafe { entry(id, size, end_of_stream) };
    *paused = action == Action::Pause;
    if !*paused {
        host(|h| {
            let (buffer, sink) = side(h);
            sink.append(buffer);
        });
    }
    action
}

/// One HTTP stream; each call sets what the host holds, then calls the entry point.
pub struct Http {
    id: u32,
    request_paused: bool,
    response_paused: bool,
}

impl Http {
    pub fn request_headers(&mut self, headers: &[(&str, &str)], end_of_stream: bool) -> Action {
        host(|h| h.request_headers = owned(headers));
        // SAFETY: as in `Vm::start`.
        unsafe { module::proxy_on_request_headers(self.id, headers.len(), end_of_stream) }
    }

    /// One upstream-bound read of `bytes`. After a `Pause` Envoy keeps buffering: the call
    /// reports (and the buffer holds) everything since. On `Continue` the buffer, as the
    /// module left it, goes upstream.
    pub fn request_body(&mut self, bytes: &[u8], end_of_stream: bool) -> Action {
        deliver_body(
            self.id,
            &mut self.request_paused,
            (bytes, end_of_stream),
            Host::upstream_side,
            module::proxy_on_request_body,
        )
    }

    pub fn response_headers(&mut self, headers: &[(&str, &str)], end_of_stream: bool) -> Action {
        host(|h| h.response_headers = owned(headers));
        // SAFETY: as in `Vm::start`.
        unsafe { module::proxy_on_response_headers(self.id, headers.len(), end_of_stream) }
    }

    /// One downstream-bound read, with the same buffering rules as [`Http::request_body`].
    pub fn response_body(&mut self, bytes: &[u8], end_of_stream: bool) -> Action {
        deliver_body(
            self.id,
            &mut self.response_paused,
            (bytes, end_of_stream),
            Host::downstream_side,
            module::proxy_on_response_body,
        )
    }

    /// The end of the exchange: `on_log`, `on_done`, `on_delete`, in Envoy's order.
    pub fn close(self) {
        // SAFETY: as in `Vm::start`.
        unsafe {
            module::proxy_on_log(self.id);
            module::proxy_on_done(self.id);
            module::proxy_on_delete(self.id);
        }
        host(|h| assert!(h.refused_calls.is_empty(), "{:?}", h.refused_calls));
    }
}

fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
}

// ---- Host functions, as the SDK imports them. ----

/// # Safety
/// `data` must point to `size` readable bytes (the module passes its own memory).
unsafe fn guest_bytes<'a>(data: *const u8, size: usize) -> &'a [u8] {
    if size == 0 {
        &[]
    } else {
        std::slice::from_raw_parts(data, size)
    }
}

/// Copies `bytes` into memory the module allocated (as Envoy does, through
/// `proxy_on_memory_allocate`) and hands the module the pointer and size.
///
/// # Safety
/// `return_data` and `return_size` must be writable.
unsafe fn return_bytes(bytes: &[u8], return_data: *mut *mut u8, return_size: *mut usize) {
    called("proxy_on_memory_allocate");
    let data = module::proxy_on_memory_allocate(bytes.len());
    std::ptr::copy_nonoverlapping(bytes.as_ptr(), data, bytes.len());
    *return_data = data;
    *return_size = bytes.len();
}

/// Counts one host call (see [`Host::calls`]).
fn called(name: &'static str) {
    host(|h| h.calls.push(name));
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn log_level(level: u32) -> LogLevel {
    match level {
        0 => LogLevel::Trace,
        1 => LogLevel::Debug,
        2 => LogLevel::Info,
        3 => LogLevel::Warn,
        4 => LogLevel::Error,
        _ => LogLevel::Critical,
    }
}

#[no_mangle]
pub unsafe extern "C" fn proxy_log(level: u32, data: *const u8, size: usize) -> Status {
    called("proxy_log");
    let message = text(guest_bytes(data, size));
    let level = log_level(level);
    if level == LogLevel::Critical {
        // Also to the test's output: the filter's panic hook reports through here, so a
        // failing assertion in a test shows its message this way.
        eprintln!("proxy_log critical: {message}");
    }
    host(|h| h.logs.push((level, message)));
    Status::Ok
}

#[no_mangle]
pub unsafe extern "C" fn proxy_get_log_level(return_level: *mut u32) -> Status {
    called("proxy_get_log_level");
    *return_level = LogLevel::Info as u32;
    Status::Ok
}

#[no_mangle]
pub unsafe extern "C" fn proxy_get_buffer_bytes(
    buffer: u32,
    start: usize,
    max_size: usize,
    return_data: *mut *mut u8,
    return_size: *mut usize,
) -> Status {
    called("proxy_get_buffer_bytes");
    let bytes = host(|h| {
        if buffer == BufferType::HttpRequestBody as u32
            || buffer == BufferType::HttpResponseBody as u32
        {
            h.body_reads += 1;
        }
        h.buffer(buffer).map(|b| {
            let from = start.min(b.len());
            let to = from.saturating_add(max_size).min(b.len());
            b[from..to].to_vec()
        })
    });
    match bytes {
        Some(bytes) => {
            return_bytes(&bytes, return_data, return_size);
            Status::Ok
        }
        None => Status::NotFound,
    }
}

/// Envoy's rule: `start` 0 and `size` ≥ the buffer replace it; other ranges splice.
#[no_mangle]
pub unsafe extern "C" fn proxy_set_buffer_bytes(
    buffer: u32,
    start: usize,
    size: usize,
    data: *const u8,
    data_size: usize,
) -> Status {
    called("proxy_set_buffer_bytes");
    let bytes = guest_bytes(data, data_size).to_vec();
    host(|h| {
        let Some(target) = h.buffer(buffer) else {
            return Status::NotFound;
        };
        if start > target.len() {
            return Status::BadArgument;
        }
        let end = start.saturating_add(size).min(target.len());
        target.splice(start..end, bytes.iter().copied());
        h.buffer_writes.push(BufferWrite {
            buffer: if buffer == BufferType::HttpRequestBody as u32 {
                BufferType::HttpRequestBody
            } else {
                BufferType::HttpResponseBody
            },
            start,
            size,
            bytes,
        });
        Status::Ok
    })
}

#[no_mangle]
pub unsafe extern "C" fn proxy_get_header_map_value(
    map: u32,
    key_data: *const u8,
    key_size: usize,
    return_data: *mut *mut u8,
    return_size: *mut usize,
) -> Status {
    called("proxy_get_header_map_value");
    let key = text(guest_bytes(key_data, key_size));
    let value = host(|h| {
        h.headers(map).and_then(|headers| {
            headers
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(&key))
                .map(|(_, value)| value.clone())
        })
    });
    match value {
        Some(value) => {
            return_bytes(value.as_bytes(), return_data, return_size);
            Status::Ok
        }
        None => Status::NotFound,
    }
}

#[no_mangle]
pub unsafe extern "C" fn proxy_remove_header_map_value(
    map: u32,
    key_data: *const u8,
    key_size: usize,
) -> Status {
    called("proxy_remove_header_map_value");
    let key = text(guest_bytes(key_data, key_size));
    host(|h| {
        if map == MapType::HttpRequestHeaders as u32 {
            h.request_headers
                .retain(|(name, _)| !name.eq_ignore_ascii_case(&key));
            h.removed_request_headers.push(key);
        } else if map == MapType::HttpResponseHeaders as u32 {
            h.response_headers
                .retain(|(name, _)| !name.eq_ignore_ascii_case(&key));
        }
    });
    Status::Ok
}

#[no_mangle]
pub unsafe extern "C" fn proxy_get_property(
    path_data: *const u8,
    path_size: usize,
    return_data: *mut *mut u8,
    return_size: *mut usize,
) -> Status {
    called("proxy_get_property");
    let path = text(guest_bytes(path_data, path_size)).replace('\0', ".");
    match host(|h| h.properties.get(&path).cloned()) {
        Some(value) => {
            return_bytes(&value, return_data, return_size);
            Status::Ok
        }
        None => Status::NotFound,
    }
}

#[no_mangle]
pub unsafe extern "C" fn proxy_set_property(
    path_data: *const u8,
    path_size: usize,
    value_data: *const u8,
    value_size: usize,
) -> Status {
    called("proxy_set_property");
    let path = text(guest_bytes(path_data, path_size)).replace('\0', ".");
    let value = guest_bytes(value_data, value_size).to_vec();
    host(|h| h.set_properties.push((path, value)));
    Status::Ok
}

#[no_mangle]
pub unsafe extern "C" fn proxy_define_metric(
    kind: u32,
    name_data: *const u8,
    name_size: usize,
    return_id: *mut u32,
) -> Status {
    called("proxy_define_metric");
    let kind = match kind {
        0 => MetricType::Counter,
        1 => MetricType::Gauge,
        2 => MetricType::Histogram,
        _ => return Status::BadArgument,
    };
    let name = text(guest_bytes(name_data, name_size));
    *return_id = host(|h| {
        h.metrics.push(Metric { kind, name });
        h.metrics.len() as u32 - 1
    });
    Status::Ok
}

#[no_mangle]
pub extern "C" fn proxy_increment_metric(id: u32, delta: i64) -> Status {
    called("proxy_increment_metric");
    host(|h| {
        if (id as usize) < h.metrics.len() {
            h.increments.push((id, delta));
            Status::Ok
        } else {
            Status::NotFound
        }
    })
}

#[no_mangle]
pub extern "C" fn proxy_record_metric(id: u32, value: u64) -> Status {
    called("proxy_record_metric");
    host(|h| match h.metrics.get(id as usize) {
        Some(m) if m.kind == MetricType::Histogram => {
            h.records.push((id, value));
            Status::Ok
        }
        Some(_) => Status::BadArgument,
        None => Status::NotFound,
    })
}

/// Defines host functions the filter must not use: each records its name and answers
/// `InternalFailure`, which the SDK's wrappers turn into a panic, so a test that reaches
/// one fails. (Linking needs them all: the SDK's rlib references every import.)
macro_rules! refused {
    ($($name:ident($($ty:ty),*);)*) => {$(
        #[no_mangle]
        pub extern "C" fn $name($(_: $ty),*) -> Status {
            host(|h| h.refused_calls.push(stringify!($name)));
            Status::InternalFailure
        }
    )*};
}

refused! {
    // The filter's clock is WASI's monotonic clock, not the proxy's wall clock.
    proxy_get_current_time_nanoseconds(*mut u64);
    // The tick and the callouts serve `prompt_sampling` only (off here; it is tested
    // through Envoy: tests/integration/test_prompt_sampling.py).
    proxy_set_tick_period_milliseconds(u32);
    // Headers are only read, and `content-length` removed for `inject_include_usage`.
    proxy_get_header_map_pairs(u32, *mut *mut u8, *mut usize);
    proxy_set_header_map_pairs(u32, *const u8, usize);
    proxy_replace_header_map_value(u32, *const u8, usize, *const u8, usize);
    proxy_add_header_map_value(u32, *const u8, usize, *const u8, usize);
    proxy_get_shared_data(*const u8, usize, *mut *mut u8, *mut usize, *mut u32);
    proxy_set_shared_data(*const u8, usize, *const u8, usize, u32);
    proxy_register_shared_queue(*const u8, usize, *mut u32);
    proxy_resolve_shared_queue(*const u8, usize, *const u8, usize, *mut u32);
    proxy_dequeue_shared_queue(u32, *mut *mut u8, *mut usize);
    proxy_enqueue_shared_queue(u32, *const u8, usize);
    // The filter never stops, answers or resumes a stream itself.
    proxy_continue_stream(u32);
    proxy_close_stream(u32);
    proxy_send_local_response(u32, *const u8, usize, *const u8, usize, *const u8, usize, i32);
    proxy_http_call(*const u8, usize, *const u8, usize, *const u8, usize, *const u8, usize, u32, *mut u32);
    proxy_grpc_call(*const u8, usize, *const u8, usize, *const u8, usize, *const u8, usize, *const u8, usize, u32, *mut u32);
    proxy_grpc_stream(*const u8, usize, *const u8, usize, *const u8, usize, *const u8, usize, *mut u32);
    proxy_grpc_send(u32, *const u8, usize, bool);
    proxy_grpc_cancel(u32);
    proxy_grpc_close(u32);
    proxy_get_status(*mut u32, *mut *mut u8, *mut usize);
    // Only callouts switch contexts.
    proxy_set_effective_context(u32);
    proxy_call_foreign_function(*const u8, usize, *const u8, usize, *mut *mut u8, *mut usize);
    proxy_done();
    proxy_get_metric(u32, *mut u64);
}
