"""An OTLP/gRPC receiver for tests: TraceService and MetricsService `Export`, built on the
official `opentelemetry-proto` messages and grpcio. It keeps every span and every metric
data point it receives, flattened to plain Python values."""

from __future__ import annotations

import threading
import time
from concurrent import futures
from dataclasses import dataclass, field
from typing import Callable

import grpc
from opentelemetry.proto.collector.metrics.v1 import metrics_service_pb2, metrics_service_pb2_grpc
from opentelemetry.proto.collector.trace.v1 import trace_service_pb2, trace_service_pb2_grpc
from opentelemetry.proto.common.v1.common_pb2 import AnyValue, KeyValue

from harness import poll


def any_value(v: AnyValue):
    kind = v.WhichOneof("value")
    if kind == "array_value":
        return [any_value(x) for x in v.array_value.values]
    if kind == "kvlist_value":
        return attributes(v.kvlist_value.values)
    return getattr(v, kind) if kind else None


def attributes(kvs: list[KeyValue]) -> dict:
    return {kv.key: any_value(kv.value) for kv in kvs}


@dataclass
class Span:
    name: str
    kind: int
    attributes: dict
    resource: dict
    start_ns: int
    end_ns: int


@dataclass
class Point:
    """One data point of a metric: a sum/gauge value or a histogram's count and sum."""

    metric: str
    kind: str  # "sum", "gauge", "histogram"
    attributes: dict
    value: float | None = None
    count: int | None = None
    sum: float | None = None
    bounds: list[float] = field(default_factory=list)
    bucket_counts: list[int] = field(default_factory=list)


class _Traces(trace_service_pb2_grpc.TraceServiceServicer):
    def __init__(self, sink: "OtlpReceiver"):
        self.sink = sink

    def Export(self, request, context):
        spans = []
        for rs in request.resource_spans:
            resource = attributes(rs.resource.attributes)
            for ss in rs.scope_spans:
                for s in ss.spans:
                    spans.append(
                        Span(s.name, s.kind, attributes(s.attributes), resource,
                             s.start_time_unix_nano, s.end_time_unix_nano)
                    )
        with self.sink.lock:
            self.sink.spans.extend(spans)
            self.sink.trace_exports += 1
        return trace_service_pb2.ExportTraceServiceResponse()


class _Metrics(metrics_service_pb2_grpc.MetricsServiceServicer):
    def __init__(self, sink: "OtlpReceiver"):
        self.sink = sink

    def Export(self, request, context):
        points = []
        for rm in request.resource_metrics:
            for sm in rm.scope_metrics:
                for m in sm.metrics:
                    kind = m.WhichOneof("data")
                    if kind in ("sum", "gauge"):
                        for dp in getattr(m, kind).data_points:
                            value = dp.as_int if dp.WhichOneof("value") == "as_int" else dp.as_double
                            points.append(Point(m.name, kind, attributes(dp.attributes), value=value))
                    elif kind == "histogram":
                        for dp in m.histogram.data_points:
                            points.append(Point(
                                m.name, kind, attributes(dp.attributes), count=dp.count, sum=dp.sum,
                                bounds=list(dp.explicit_bounds), bucket_counts=list(dp.bucket_counts),
                            ))
        with self.sink.lock:
            self.sink.metric_batches.append(points)
            for p in points:
                self.sink.series[(p.metric, tuple(sorted(p.attributes.items())))] = p
        return metrics_service_pb2.ExportMetricsServiceResponse()


class OtlpReceiver:
    """Listens on 127.0.0.1 (a free port) until `stop()`."""

    def __init__(self):
        self.lock = threading.Lock()
        self.spans: list[Span] = []
        self.trace_exports = 0
        self.metric_batches: list[list[Point]] = []
        # The latest point of each series (metric name + attributes). Envoy exports cumulative
        # values, possibly over several requests per flush: the latest point is the total.
        self.series: dict[tuple, Point] = {}
        self.server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
        trace_service_pb2_grpc.add_TraceServiceServicer_to_server(_Traces(self), self.server)
        metrics_service_pb2_grpc.add_MetricsServiceServicer_to_server(_Metrics(self), self.server)
        self.port = self.server.add_insecure_port("127.0.0.1:0")
        self.server.start()
        self.endpoint = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.stop(grace=None)

    def spans_where(self, pred: Callable[[Span], bool]) -> list[Span]:
        with self.lock:
            return [s for s in self.spans if pred(s)]

    def wait_spans(self, pred: Callable[[Span], bool], n: int, timeout: float) -> list[Span]:
        """Waits until at least `n` spans match, then a little longer (a duplicate would show)."""
        deadline = time.monotonic() + timeout
        while len(self.spans_where(pred)) < n and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)
        return self.spans_where(pred)

    def latest_points(self) -> list[Point]:
        """The latest point of every series received so far."""
        with self.lock:
            return list(self.series.values())

    def wait_points(self, pred: Callable[[list[Point]], bool], timeout: float) -> list[Point]:
        """Waits until the latest points satisfy `pred`; returns them either way."""
        return poll(self.latest_points, pred, timeout, interval=0.1)
