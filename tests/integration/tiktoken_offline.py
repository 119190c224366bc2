"""OpenAI's `tiktoken` (PyPI) as the test oracle, offline: it downloads its vocabularies at run
time, which these machines cannot. The rank files shipped in `src/core/vocab/` are checked
against the SHA-256 hashes `tiktoken` itself publishes (`tiktoken_ext/openai_public.py`) and
placed in a private `TIKTOKEN_CACHE_DIR` under the names `tiktoken` looks up (SHA-1 of the
download URL), so `tiktoken.get_encoding()` finds them and re-verifies the hash."""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
VOCAB = REPO_ROOT / "src" / "core" / "vocab"
URL = "https://openaipublic.blob.core.windows.net/encodings/{name}.tiktoken"


def published_hash(name: str) -> str:
    """The expected SHA-256 from tiktoken's own registry (not a copy in this repo)."""
    import tiktoken_ext.openai_public as public
    import inspect

    source = inspect.getsource(getattr(public, name))
    marker = 'expected_hash="'
    start = source.index(marker) + len(marker)
    return source[start : start + 64]


def install() -> "module":
    cache = Path(tempfile.mkdtemp(prefix="tiktoken-cache-"))
    for name in ("cl100k_base", "o200k_base"):
        data = gzip.decompress((VOCAB / f"{name}.tiktoken.gz").read_bytes())
        digest = hashlib.sha256(data).hexdigest()
        want = published_hash(name)
        assert digest == want, f"{name}: vocabulary hash {digest} != tiktoken's {want}"
        key = hashlib.sha1(URL.format(name=name).encode()).hexdigest()
        (cache / key).write_bytes(data)
    os.environ["TIKTOKEN_CACHE_DIR"] = str(cache)
    import tiktoken

    return tiktoken
