"""scripts/oci/build.py: the image layout, digests, determinism, and what Istio's fetcher reads."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import sys
import tarfile
from pathlib import Path

import pytest

from deploy_common import ISTIO, ROOT, load_docs, require_tool, require_wasm, run

BUILD = ROOT / "scripts" / "oci" / "build.py"
WASM_LAYER = "application/vnd.module.wasm.content.layer.v1+wasm"
WASM_CONFIG = "application/vnd.module.wasm.config.v1+json"
OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip"


def build(tmp: Path, variant: str, name: str = "a", extra=()) -> dict:
    out = tmp / f"{name}-{variant}"
    result = run([sys.executable, BUILD, "--wasm", require_wasm(), "--out", out, "--tarball",
                  tmp / f"{name}-{variant}.tar", "--variant", variant, "--json",
                  "--repository", "registry.example.com/llm/llmtap", *extra])
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def blob(layout: Path, digest: str) -> bytes:
    algo, hexd = digest.split(":")
    assert algo == "sha256"
    return (layout / "blobs" / "sha256" / hexd).read_bytes()


def read_image(layout: Path) -> tuple[dict, dict, dict]:
    index = json.loads((layout / "index.json").read_text())
    (desc,) = index["manifests"]
    manifest = json.loads(blob(layout, desc["digest"]))
    return index, desc, manifest


def istio_extract(layout: Path) -> bytes:
    """Istio's pkg/wasm/imagefetcher.go logic on a local layout: try the compat variant (last
    layer tar+gzip holding plugin.wasm), else the oci variant (exactly two layers, one +wasm)."""
    _, _, manifest = read_image(layout)
    layers = manifest["layers"]
    if not layers:
        raise ValueError("number of layers must be greater than zero")
    errors = []
    last = layers[-1]
    if last["mediaType"] == OCI_LAYER_GZIP:
        with tarfile.open(fileobj=io.BytesIO(gzip.decompress(blob(layout, last["digest"])))) as tar:
            for member in tar:
                if Path(member.name).name == "plugin.wasm":
                    data = tar.extractfile(member).read()
                    break
            else:
                raise ValueError("plugin.wasm not found in the archive")
    else:
        errors.append(f"compat: invalid media type {last['mediaType']}")
        if len(layers) != 2:
            raise ValueError(f"{errors}; oci: number of layers must be 2 but got {len(layers)}")
        wasm_layers = [l for l in layers if l["mediaType"] == WASM_LAYER]
        if not wasm_layers:
            raise ValueError(f"oci: could not find the layer of type {WASM_LAYER}")
        data = blob(layout, wasm_layers[0]["digest"])
    if data[:4] != b"\0asm":  # isValidWasmBinary
        raise ValueError("fetched Wasm binary is invalid")
    return data


@pytest.mark.parametrize("variant", ["compat", "oci"])
def test_layout_structure_media_types_and_digests(tmp_path, variant):
    summary = build(tmp_path, variant)
    layout = Path(summary["layout"])
    assert json.loads((layout / "oci-layout").read_text()) == {"imageLayoutVersion": "1.0.0"}
    index, desc, manifest = read_image(layout)
    assert index["schemaVersion"] == 2 and index["mediaType"] == "application/vnd.oci.image.index.v1+json"
    assert desc["mediaType"] == "application/vnd.oci.image.manifest.v1+json"
    assert desc["annotations"]["org.opencontainers.image.ref.name"] == summary["tag"]
    assert manifest["schemaVersion"] == 2 and manifest["mediaType"] == desc["mediaType"]
    # Every descriptor's digest and size match its blob, and every blob is referenced.
    descriptors = [desc, manifest["config"], *manifest["layers"]]
    for d in descriptors:
        data = blob(layout, d["digest"])
        assert d["digest"] == "sha256:" + hashlib.sha256(data).hexdigest()
        assert d["size"] == len(data)
    on_disk = {f"sha256:{p.name}" for p in (layout / "blobs" / "sha256").iterdir()}
    assert on_disk == {d["digest"] for d in descriptors}
    wasm = require_wasm().read_bytes()
    if variant == "compat":
        assert manifest["config"]["mediaType"] == "application/vnd.oci.image.config.v1+json"
        assert [l["mediaType"] for l in manifest["layers"]] == [OCI_LAYER_GZIP]
        assert manifest["annotations"]["module.wasm.image/variant"] == "compat"
        config = json.loads(blob(layout, manifest["config"]["digest"]))
        layer_tar = gzip.decompress(blob(layout, manifest["layers"][0]["digest"]))
        assert config["rootfs"]["diff_ids"] == ["sha256:" + hashlib.sha256(layer_tar).hexdigest()]
        with tarfile.open(fileobj=io.BytesIO(layer_tar)) as tar:
            assert tar.getnames() == ["plugin.wasm", "runtime-config.json"]
            assert all(m.mtime == 0 and m.uid == 0 and m.gid == 0 for m in tar)
    else:
        assert manifest["config"]["mediaType"] == WASM_CONFIG
        assert sorted(l["mediaType"] for l in manifest["layers"]) == sorted([WASM_CONFIG, WASM_LAYER])
        wasm_layer = next(l for l in manifest["layers"] if l["mediaType"] == WASM_LAYER)
        assert blob(layout, wasm_layer["digest"]) == wasm
    assert istio_extract(layout) == wasm
    # The printed WasmPlugin fields: sha256 = manifest digest (oci), = module digest (http).
    assert summary["manifest_digest"] == desc["digest"]
    assert summary["wasmplugin_oci"]["sha256"] == desc["digest"].split(":")[1]
    assert summary["wasmplugin_oci"]["url"] == f"oci://registry.example.com/llm/llmtap@{desc['digest']}"
    assert summary["wasmplugin_http"]["sha256"] == hashlib.sha256(wasm).hexdigest()


@pytest.mark.parametrize("variant", ["compat", "oci"])
def test_build_is_reproducible(tmp_path, variant):
    a, b = build(tmp_path, variant, "a"), build(tmp_path, variant, "b")
    assert a["manifest_digest"] == b["manifest_digest"]
    assert Path(a["tarball"]).read_bytes() == Path(b["tarball"]).read_bytes()
    c = build(tmp_path, variant, "c", extra=["--tag", "9.9.9"])
    assert c["manifest_digest"] != a["manifest_digest"]  # the version is in the manifest


def test_tarball_holds_the_layout(tmp_path):
    summary = build(tmp_path, "compat")
    layout = Path(summary["layout"])
    with tarfile.open(summary["tarball"]) as tar:
        names = {m.name for m in tar if m.isfile()}
        for m in tar:
            assert m.mtime == 0 and m.uid == 0 and m.gid == 0
        files = {str(p.relative_to(layout)) for p in layout.rglob("*") if p.is_file()}
        assert names == files
        for name in names:
            assert tar.extractfile(name).read() == (layout / name).read_bytes()


def test_istio_rejects_a_lone_wasm_layer(tmp_path):
    """The tempting single-layer artifact (only application/vnd.module.wasm.content.layer.v1+wasm)
    is what Istio's fetcher refuses: neither compat (not tar+gzip) nor oci (needs 2 layers)."""
    summary = build(tmp_path, "oci")
    layout = Path(summary["layout"])
    index, desc, manifest = read_image(layout)
    manifest["layers"] = [l for l in manifest["layers"] if l["mediaType"] == WASM_LAYER]
    data = json.dumps(manifest).encode()
    digest = hashlib.sha256(data).hexdigest()
    (layout / "blobs" / "sha256" / digest).write_bytes(data)
    desc.update(digest=f"sha256:{digest}", size=len(data))
    (layout / "index.json").write_text(json.dumps(index))
    with pytest.raises(ValueError, match="number of layers must be 2"):
        istio_extract(layout)


@pytest.mark.parametrize("variant", ["compat", "oci"])
def test_skopeo_reads_and_verifies_the_image(tmp_path, variant):
    """containers/image (skopeo) verifies every digest while copying the archive."""
    skopeo = require_tool("skopeo")
    summary = build(tmp_path, variant)
    tag = summary["tag"]
    raw = run([skopeo, "--insecure-policy", "inspect", "--raw", f"oci:{summary['layout']}:{tag}"])
    assert raw.returncode == 0, raw.stderr
    assert "sha256:" + hashlib.sha256(raw.stdout.encode()).hexdigest() == summary["manifest_digest"]
    copied = run([skopeo, "--insecure-policy", "copy", f"oci-archive:{summary['tarball']}:{tag}", f"dir:{tmp_path / 'out'}"], timeout=120)
    assert copied.returncode == 0, copied.stderr
    assert (tmp_path / "out" / "manifest.json").read_bytes() == raw.stdout.encode()


def test_skopeo_detects_a_corrupted_blob(tmp_path):
    skopeo = require_tool("skopeo")
    summary = build(tmp_path, "compat")
    layout = Path(summary["layout"])
    _, _, manifest = read_image(layout)
    path = layout / "blobs" / "sha256" / manifest["layers"][0]["digest"].split(":")[1]
    data = bytearray(path.read_bytes())
    data[100] ^= 0xFF
    path.write_bytes(bytes(data))
    copied = run([skopeo, "--insecure-policy", "copy", f"oci:{layout}:{summary['tag']}", f"dir:{tmp_path / 'out'}"], timeout=120)
    assert copied.returncode != 0
    assert "digest" in (copied.stderr + copied.stdout).lower()


def test_wasmplugin_urls_pin_digests():
    oci = load_docs(ISTIO / "wasmplugin.yaml")[0]["spec"]
    m = re.fullmatch(r"oci://[a-z0-9.\-/:]+@sha256:([a-f0-9]{64})", oci["url"])
    assert m and oci["sha256"] == m.group(1)
    http = load_docs(ISTIO / "wasmplugin-http.yaml")[0]["spec"]
    assert re.fullmatch(r"[a-f0-9]{64}", http["sha256"])
