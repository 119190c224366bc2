#!/usr/bin/env python3
"""Packages build/llmtap.wasm as a Wasm OCI image that Istio's WasmPlugin can pull.

Writes an OCI image layout directory (oci-layout, index.json, blobs/sha256/*) and a tarball of
it, byte-for-byte reproducible (fixed timestamps, owners and modes; gzip without a timestamp),
and prints the digests a WasmPlugin needs.

Variants (https://github.com/solo-io/wasm/blob/master/spec/README.md), both accepted by Istio's
image fetcher (istio/istio pkg/wasm/imagefetcher.go):

  compat (default)  one layer, application/vnd.oci.image.layer.v1.tar+gzip, holding plugin.wasm
                    (+ runtime-config.json); manifest annotation module.wasm.image/variant=compat;
                    config application/vnd.oci.image.config.v1+json. Standard media types: every
                    registry and tool (crane, skopeo, oras, docker) handles it.
  oci               exactly two layers: application/vnd.module.wasm.content.layer.v1+wasm (the raw
                    module) and application/vnd.module.wasm.config.v1+json (runtime config);
                    config blob application/vnd.module.wasm.config.v1+json. Istio rejects an
                    image with only the +wasm layer ("number of layers must be 2"). Needs a
                    registry that accepts custom media types.

Which digest goes where (Istio pkg/wasm/cache.go): for oci:// URLs Istio compares `sha256`
with the IMAGE MANIFEST digest (the one in `@sha256:`), not with the layer or the .wasm file;
for http(s):// URLs `sha256` is the digest of the .wasm file itself. Both are printed.

Push (needs a registry; not possible on the build machines), any of:
  crane push build/oci REGISTRY/llmtap:0.1.0
  skopeo copy --insecure-policy oci-archive:build/llmtap-oci.tar:0.1.0 docker://REGISTRY/llmtap:0.1.0
  oras cp --from-oci-layout build/oci:0.1.0 REGISTRY/llmtap:0.1.0
The registry keeps the manifest bytes, so the digest printed here is the one to pin.

Usage: python3 scripts/oci/build.py [--wasm build/llmtap.wasm] [--out build/oci]
         [--tarball build/llmtap-oci.tar] [--tag VERSION] [--variant compat|oci]
         [--repository REGISTRY/llmtap] [--json]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
OCI_INDEX = "application/vnd.oci.image.index.v1+json"
OCI_CONFIG = "application/vnd.oci.image.config.v1+json"
OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip"
WASM_LAYER = "application/vnd.module.wasm.content.layer.v1+wasm"
WASM_CONFIG = "application/vnd.module.wasm.config.v1+json"

# proxy-wasm ABI the Rust SDK 0.2.x targets, and the filter's root id.
ABI_VERSION = "proxy_abi_version_0_2_1"
ROOT_ID = "llmtap"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def canonical_json(obj) -> bytes:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode()


def workspace_version() -> str:
    text = (ROOT / "Cargo.toml").read_text()
    match = re.search(r'^version\s*=\s*"([^"]+)"', text, re.M)
    return match.group(1) if match else "0.0.0"


def epoch() -> int:
    """SOURCE_DATE_EPOCH when set (reproducible-builds convention), else 0."""
    return int(os.environ.get("SOURCE_DATE_EPOCH", "0"))


def rfc3339(ts: int) -> str:
    import datetime

    return datetime.datetime.fromtimestamp(ts, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def runtime_config() -> bytes:
    return canonical_json(
        {"type": "envoy_proxy", "abiVersions": [ABI_VERSION], "config": {"root_ids": [ROOT_ID]}}
    )


def deterministic_tar(files: list[tuple[str, bytes, int]], mtime: int) -> bytes:
    """A ustar archive of (name, content, mode), in the given order, with fixed metadata."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, content, mode in files:
            info = tarfile.TarInfo(name)
            info.size = len(content)
            info.mode = mode
            info.mtime = mtime
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.type = tarfile.REGTYPE
            tar.addfile(info, io.BytesIO(content))
    return buf.getvalue()


def deterministic_gzip(data: bytes) -> bytes:
    buf = io.BytesIO()
    # mtime=0 and no file name in the header: the same input always gives the same bytes
    # (for a given zlib build).
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(data)
    return buf.getvalue()


class Blobs:
    def __init__(self) -> None:
        self.items: dict[str, bytes] = {}

    def add(self, data: bytes, media_type: str, annotations: dict | None = None) -> dict:
        digest = sha256_hex(data)
        self.items[digest] = data
        desc = {"mediaType": media_type, "digest": f"sha256:{digest}", "size": len(data)}
        if annotations:
            desc["annotations"] = annotations
        return desc


def build_image(wasm: bytes, variant: str, version: str, ts: int) -> tuple[Blobs, dict]:
    """Returns the blobs and the manifest descriptor (with its ref-name annotation)."""
    if wasm[:4] != b"\0asm":
        raise SystemExit("not a Wasm module (missing \\0asm magic)")
    blobs = Blobs()
    created = rfc3339(ts)
    annotations = {
        "org.opencontainers.image.title": "llmtap",
        "org.opencontainers.image.description": "llmtap proxy-wasm filter (Envoy/Istio) for streaming LLM metrics",
        "org.opencontainers.image.version": version,
        "org.opencontainers.image.created": created,
    }
    if variant == "compat":
        layer_tar = deterministic_tar(
            [("plugin.wasm", wasm, 0o644), ("runtime-config.json", runtime_config(), 0o644)], ts
        )
        layer = blobs.add(deterministic_gzip(layer_tar), OCI_LAYER_GZIP)
        config = {
            "created": created,
            "architecture": "wasm",
            "os": "wasip1",
            "config": {},
            "rootfs": {"type": "layers", "diff_ids": [f"sha256:{sha256_hex(layer_tar)}"]},
            "history": [{"created": created, "created_by": "scripts/oci/build.py"}],
        }
        config_desc = blobs.add(canonical_json(config), OCI_CONFIG)
        layers = [layer]
        annotations["module.wasm.image/variant"] = "compat"
    elif variant == "oci":
        rc = runtime_config()
        config_desc = blobs.add(rc, WASM_CONFIG)
        layers = [
            blobs.add(rc, WASM_CONFIG, {"org.opencontainers.image.title": "runtime-config.json"}),
            blobs.add(wasm, WASM_LAYER, {"org.opencontainers.image.title": "plugin.wasm"}),
        ]
    else:
        raise SystemExit(f"unknown variant {variant!r}")
    manifest = {
        "schemaVersion": 2,
        "mediaType": OCI_MANIFEST,
        "config": config_desc,
        "layers": layers,
        "annotations": annotations,
    }
    manifest_desc = blobs.add(canonical_json(manifest), OCI_MANIFEST)
    manifest_desc["annotations"] = {"org.opencontainers.image.ref.name": version}
    return blobs, manifest_desc


def write_layout(out: Path, blobs: Blobs, manifest_desc: dict) -> dict[str, bytes]:
    """Writes the layout directory; returns its files (relative path -> bytes)."""
    files: dict[str, bytes] = {
        "oci-layout": canonical_json({"imageLayoutVersion": "1.0.0"}),
        "index.json": canonical_json(
            {"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": [manifest_desc]}
        ),
    }
    for digest, data in sorted(blobs.items.items()):
        files[f"blobs/sha256/{digest}"] = data
    if out.exists():
        shutil.rmtree(out)
    for rel, data in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return files


def write_tarball(path: Path, files: dict[str, bytes], ts: int) -> None:
    entries = sorted(files.items())
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for d in ("blobs", "blobs/sha256"):
            info = tarfile.TarInfo(d)
            info.type, info.mode, info.mtime = tarfile.DIRTYPE, 0o755, ts
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info)
        for rel, data in entries:
            info = tarfile.TarInfo(rel)
            info.size, info.mode, info.mtime = len(data), 0o644, ts
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(data))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--wasm", type=Path, default=ROOT / "build" / "llmtap.wasm")
    p.add_argument("--out", type=Path, default=ROOT / "build" / "oci")
    p.add_argument("--tarball", type=Path, default=ROOT / "build" / "llmtap-oci.tar")
    p.add_argument("--tag", default=None, help="ref name in index.json (default: workspace version)")
    p.add_argument("--variant", choices=["compat", "oci"], default="compat")
    p.add_argument("--repository", default="REGISTRY/llmtap", help="for the printed WasmPlugin url")
    p.add_argument("--json", action="store_true", help="print a JSON summary instead of text")
    args = p.parse_args(argv)

    wasm = args.wasm.read_bytes()
    version = args.tag or workspace_version()
    ts = epoch()
    blobs, manifest_desc = build_image(wasm, args.variant, version, ts)
    files = write_layout(args.out, blobs, manifest_desc)
    write_tarball(args.tarball, files, ts)

    manifest_digest = manifest_desc["digest"].split(":", 1)[1]
    summary = {
        "variant": args.variant,
        "tag": version,
        "layout": str(args.out),
        "tarball": str(args.tarball),
        "manifest_digest": f"sha256:{manifest_digest}",
        "wasm_sha256": sha256_hex(wasm),
        "wasmplugin_oci": {
            "url": f"oci://{args.repository}@sha256:{manifest_digest}",
            "sha256": manifest_digest,
        },
        "wasmplugin_http": {"sha256": sha256_hex(wasm)},
    }
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(f"OCI layout : {args.out}  (tag {version}, variant {args.variant})")
        print(f"tarball    : {args.tarball}")
        print(f"manifest   : sha256:{manifest_digest}")
        print(f"wasm file  : sha256:{summary['wasm_sha256']}  ({len(wasm)} bytes)")
        print("WasmPlugin (oci://, sha256 = manifest digest):")
        print(f"  url: {summary['wasmplugin_oci']['url']}")
        print(f"  sha256: {manifest_digest}")
        print("WasmPlugin (http(s)://, sha256 = digest of the .wasm file):")
        print(f"  sha256: {summary['wasm_sha256']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
