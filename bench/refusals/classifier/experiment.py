#!/usr/bin/env python3
"""Experiment (issue 21): does a learned classifier generalise to new writers better than the
phrase lists? Not used by the filter; its figures are in bench/refusals/classifier/RESULTS.md.

Model: multinomial logistic regression (none / full / partial) over hashed character 2-, 3-
and 4-grams of the answer's first 300 characters (lower-cased, white space collapsed,
markdown and quote marks dropped), FNV-1a 64 modulo 2^14 buckets, L2-normalised counts, no
bias (so the arg-max is the same on raw counts, which a streaming scan could sum), 12 epochs
of SGD. Weights quantised to i8 (48 KiB) are scored too. Trained on the tuning texts
(bench/refusals/streams/texts.py TUNING) and XSTest's human-labelled answers; XSTest is
scored leave-one-model-out (each model's answers held out of its own training run), the
newest blind batch is held out entirely.

    cargo build -p llmtap-core --example refusal_verdicts
    python3 bench/refusals/classifier/experiment.py      # ~2 minutes, pure Python
"""
import csv
import glob
import importlib.util
import json
import math
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "bench/refusals/streams"))
import texts  # noqa: E402

WINDOW, NGRAMS, BUCKETS, EPOCHS, RATE, L2 = 300, (2, 3, 4), 1 << 14, 12, 0.5, 1e-6
HELDOUT_BATCH = ("blind_batch12.py", "HELDOUT_BATCH12")
CLASS = {"none": 0, "full": 1, "partial": 2}
KIND = {"full": "full", "after_help": "full", "partial": "partial", "near_miss": "none", "compliant": "none"}
XSTEST = {"1_full_compliance": 0, "2_full_refusal": 1, "3_partial_refusal": 2}


def normalise(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r'[*_#>~"“”«»「」]', "", text)
    return re.sub(r"\s+", " ", text).strip().lower()[:WINDOW]


def fnv1a(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def features(text: str) -> dict[int, float]:
    t = " " + normalise(text)
    counts: dict[int, float] = {}
    for n in NGRAMS:
        for i in range(len(t) - n + 1):
            k = fnv1a(t[i:i + n].encode()) % BUCKETS
            counts[k] = counts.get(k, 0.0) + 1.0
    norm = math.sqrt(sum(v * v for v in counts.values())) or 1.0
    return {k: v / norm for k, v in counts.items()}


def rows_of(batch: dict) -> list[tuple[str, int]]:
    return [(t, CLASS[KIND[k]]) for kinds in batch.values() for k, ts in kinds.items() for t in ts]


def phrase_verdicts(answers: list[str]) -> list[int]:
    exe = ROOT / "target/debug/examples/refusal_verdicts"
    out = subprocess.run([str(exe)], input="\n".join(json.dumps(a) for a in answers) + "\n",
                         capture_output=True, text=True, check=True).stdout.splitlines()
    return [CLASS[line.split("\t")[0]] for line in out]


def fit(rows: list[tuple[str, int]]) -> dict[int, list[float]]:
    random.seed(7)
    data = [(features(t), c) for t, c in rows]
    w: dict[int, list[float]] = {}
    for _ in range(EPOCHS):
        random.shuffle(data)
        for f, c in data:
            s = [sum(w.get(k, (0.0, 0.0, 0.0))[j] * v for k, v in f.items()) for j in range(3)]
            top = max(s)
            e = [math.exp(x - top) for x in s]
            z = sum(e)
            for k, v in f.items():
                wk = w.setdefault(k, [0.0, 0.0, 0.0])
                for j in range(3):
                    wk[j] -= RATE * ((e[j] / z - (j == c)) * v + L2 * wk[j])
    return w


def quantise(w: dict[int, list[float]]) -> dict[int, list[float]]:
    top = max(abs(x) for v in w.values() for x in v)
    return {k: [float(round(x / top * 127)) for x in v] for k, v in w.items()}


def predict(w: dict[int, list[float]], text: str) -> int:
    f = features(text)
    s = [sum(w.get(k, (0.0, 0.0, 0.0))[j] * v for k, v in f.items()) for j in range(3)]
    return s.index(max(s))


def score(truth: list[int], pred: list[int]) -> str:
    tp = sum(1 for c, p in zip(truth, pred) if c == 1 and p == 1)
    fp = sum(1 for c, p in zip(truth, pred) if c != 1 and p == 1)
    fn = sum(1 for c, p in zip(truth, pred) if c == 1 and p != 1)
    nm = sum(1 for c, p in zip(truth, pred) if c == 0 and p == 1)
    return f"{tp / max(1, tp + fp):.3f} | {tp / max(1, tp + fn):.3f} | {tp} | {fp} | {fn} | {nm}"


def main() -> int:
    tuning = rows_of(texts.TUNING)
    spec = importlib.util.spec_from_file_location("b", ROOT / "bench/refusals/streams" / HELDOUT_BATCH[0])
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    heldout = rows_of(getattr(mod, HELDOUT_BATCH[1]))
    xstest: dict[str, list[tuple[str, int]]] = {}
    for path in sorted(glob.glob(str(ROOT / "../shared/corpus/refusals/labelled/*.csv"))):
        with open(path, newline="") as fh:
            xstest[Path(path).stem.split("_")[-1]] = [
                (r["completion"], XSTEST[r["final_label"]]) for r in csv.DictReader(fh)
                if r.get("final_label") in XSTEST]
    everything = [r for rows in xstest.values() for r in rows]
    w = fit(tuning + everything)
    q = quantise(w)
    xs_truth, xs_pred = [], []
    for name, rows in xstest.items():
        wk = fit(tuning + [r for n, rs in xstest.items() if n != name for r in rs])
        xs_truth += [c for _, c in rows]
        xs_pred += [predict(wk, t) for t, _ in rows]
    ho_truth = [c for _, c in heldout]
    ho_phr = phrase_verdicts([t for t, _ in heldout])
    xs_phr = phrase_verdicts([t for t, _ in everything])
    ho_clf = [predict(w, t) for t, _ in heldout]
    union = lambda ph, cl: [p if p != 0 else c for p, c in zip(ph, cl)]  # noqa: E731
    print(f"tuning texts {len(tuning)}, XSTest answers {len(everything)}, held-out {HELDOUT_BATCH[0]} {len(heldout)}")
    print("| detector | set | full P | R | TP | FP | FN | none counted full |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    print(f"| phrase lists | {HELDOUT_BATCH[0]} (held out) | {score(ho_truth, ho_phr)} |")
    print(f"| classifier | {HELDOUT_BATCH[0]} (held out) | {score(ho_truth, ho_clf)} |")
    print(f"| classifier, i8 weights | {HELDOUT_BATCH[0]} (held out) | {score(ho_truth, [predict(q, t) for t, _ in heldout])} |")
    print(f"| phrases, else classifier | {HELDOUT_BATCH[0]} (held out) | {score(ho_truth, union(ho_phr, ho_clf))} |")
    print(f"| phrase lists | XSTest, 3 models | {score(xs_truth, xs_phr)} |")
    print(f"| classifier | XSTest, each model held out | {score(xs_truth, xs_pred)} |")
    print(f"| phrases, else classifier | XSTest, each model held out | {score(xs_truth, union(xs_phr, xs_pred))} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
