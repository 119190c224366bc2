"""The HTML report (`/report.html` of `llmtap aggregate`, as the demo saved it) rendered by
headless Chromium (Debian's `chromium`, `make report-tools`): the page is not blank, every plot
has drawn content (SVG marks parsed, and pixels inside each plot's own region), and nothing is
fetched from the network."""

from __future__ import annotations

import functools
import re
import shutil
import statistics
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

# Plot cells of the per-plot screenshot page, in CSS pixels (plots are 380 x 210).
CELL_W, CELL_H, COLUMNS = 400, 230, 3
# Height of a plot's legend strip, above its plot area (svg.rs Frame::PLOT.top = 26).
LEGEND_H = 24
# The chromatic colours a plot draws its data with (src/aggregator/.../html/svg.rs `colour`:
# current, alarm, band; the reference grey is left out, as anti-aliased axis lines come within
# a few levels of it) and the opacities it draws them at (plots.rs): on white, and the current
# bar over the reference bar. Every plot has some: current bars, the PSI line, the current
# spike window and the 3σ band.
BASE_COLOURS = [(0x00, 0x72, 0xB2), (0xD5, 0x5E, 0x00), (0xE6, 0x9F, 0x00)]
REFERENCE = (0x9A, 0xA4, 0xB1)
OPACITIES = (1.0, 0.9, 0.75, 0.2)


def _over(colour, alpha, under):
    return tuple(round(alpha * c + (1 - alpha) * u) for c, u in zip(colour, under))


WHITE = (255, 255, 255)
DATA_COLOURS = [_over(c, a, WHITE) for c in BASE_COLOURS for a in OPACITIES]
DATA_COLOURS += [_over(c, 0.9, _over(REFERENCE, 0.75, WHITE)) for c in BASE_COLOURS[:2]]


@functools.lru_cache(maxsize=None)
def is_data(pixel) -> bool:
    """Whether a pixel has one of the data colours (within anti-aliasing tolerance)."""
    return any(max(abs(p - c) for p, c in zip(pixel, colour)) <= 10 for colour in DATA_COLOURS)


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        raise AssertionError("chromium is not installed; `make report-tools` "
                             "(apt-get update && apt-get install -y --no-install-recommends chromium)")
    return path


def screenshot(html: Path, png: Path, width: int, height: int) -> Image.Image:
    """Headless Chromium's screenshot of `html` in a width x height window (own profile)."""
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", f"--user-data-dir={profile}", f"--window-size={width},{height}",
             f"--screenshot={png}", html.as_uri()],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
        )
    assert png.exists(), f"no screenshot (exit {result.returncode}): {result.stderr[-2000:]}"
    return Image.open(png).convert("RGB")


class Plots(HTMLParser):
    """The page's `<svg class="plot">` elements: their source text and their data marks."""

    MARKS = {"rect", "polyline", "circle"}

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.text = text
        self.plots: list[dict] = []
        self._open: dict | None = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg" and "plot" in (a.get("class") or "").split():
            self._open = {"label": a.get("aria-label", ""), "marks": [], "start": self.getpos()}
        elif self._open is not None and tag in self.MARKS and a.get("class") not in (None, "legend", "grid", "axis"):
            self._open["marks"].append((tag, a))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "svg" and self._open is not None:
            self.plots.append(self._open)
            self._open = None


def drawn(tag: str, a: dict) -> bool:
    """Whether a mark covers any area or length."""
    if tag == "rect":
        return float(a["width"]) > 0 and float(a["height"]) > 0
    if tag == "circle":
        return float(a["r"]) > 0
    return len(a["points"].split()) >= 2


def svgs(text: str) -> list[str]:
    return re.findall(r"<svg class=\"plot\".*?</svg>", text, flags=re.S)


@pytest.fixture(scope="module")
def page(demo_run) -> str:
    assert demo_run.returncode == 0, demo_run.stdout + demo_run.stderr
    return (demo_run.out / "report.html").read_text()


def test_the_report_fetches_nothing(page):
    lowered = page.lower()
    assert not re.search(r"""(?:src|href|srcset|poster|data|action)\s*=\s*["']?\s*(?:https?:)?//""", lowered)
    assert not re.search(r"url\s*\(", lowered), "no CSS url(): nothing to fetch"
    assert "@import" not in lowered
    for tag in ("<script", "<link", "<img", "<iframe", "<object", "<embed", "<image", "<use"):
        assert tag not in lowered, f"{tag} in the report"
    # The only href values are in-page anchors.
    assert set(re.findall(r'href="(.)', page)) <= {"#"}


def test_every_plot_has_data_marks(page):
    plots = Plots(page).plots
    labels = [p["label"] for p in plots]
    # Per model: the distribution and PSI over time of 5 histogram features, the shares of the
    # categorical ones, and the refusal and error rates.
    for model in ("gpt-4o-mini", "llama-3.1-8b-instruct", "qwen2.5-7b", "mistral-7b-instruct"):
        assert re.search(rf'<section id="set-\d+"><h2>{re.escape(model)}</h2>', page), model
    for feature in ("prompt_tokens", "output_tokens", "ttft", "inter_chunk_gap"):
        assert sum(label == f"{feature}: current vs reference shares" for label in labels) == 4, labels
        assert sum(label == f"{feature}: PSI and critical PSI over time" for label in labels) == 4, labels
    assert sum(label.startswith("refusal_rate per spike window") for label in labels) == 4
    assert sum(label.startswith("error_rate per spike window") for label in labels) == 4
    empty = [p["label"] for p in plots if not any(drawn(tag, a) for tag, a in p["marks"])]
    assert not empty, f"plots without data marks: {empty}"


def test_the_page_renders_and_is_not_blank(page, demo_run, tmp_path):
    image = screenshot(demo_run.out / "report.html", tmp_path / "page.png", 1300, 2400)
    pixels = list(image.getdata())
    non_white = sum(1 for p in pixels if min(p) < 235)
    assert non_white / len(pixels) > 0.03, f"only {non_white} non-white pixels"
    assert len(set(pixels)) > 50, "a page of text and plots has many colours"
    data = sum(1 for p in pixels if is_data(p))
    assert data > 2000, f"only {data} pixels in the plots' data colours"


def test_every_plot_region_has_drawn_content(page, tmp_path):
    """Each plot alone in a fixed cell of one page: below its legend, every cell must have varied
    pixels and pixels in the data colours (a plot that drew only its axes and legend, or
    nothing, fails)."""
    plots = svgs(page)
    assert len(plots) >= 40
    # A control cell: the first plot with its data marks removed (axes, labels and legend
    # left) must be found blank, or the check below could not fail.
    stripped = re.sub(r'<(rect|circle) class="(?:bar[^"]*|band|point)".*?</\1>', "", plots[0])
    stripped = re.sub(r"<polyline[^>]*/>", "", stripped)
    assert stripped != plots[0]
    plots = plots + [stripped]
    rows = (len(plots) + COLUMNS - 1) // COLUMNS
    cells = "".join(
        f'<div style="position:absolute;left:{(i % COLUMNS) * CELL_W}px;top:{(i // COLUMNS) * CELL_H}px">{svg}</div>'
        for i, svg in enumerate(plots)
    )
    grid = tmp_path / "plots.html"
    grid.write_text(f'<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{{margin:0;background:#fff}}</style>'
                    f'</head><body>{cells}</body></html>')
    image = screenshot(grid, tmp_path / "plots.png", COLUMNS * CELL_W, rows * CELL_H)
    assert image.size[0] >= COLUMNS * CELL_W and image.size[1] >= rows * CELL_H, image.size
    blank = []
    for i, svg in enumerate(plots):
        x, y = (i % COLUMNS) * CELL_W, (i // COLUMNS) * CELL_H
        # Below the legend (its swatches use the data colours): only the plot area and axes.
        region = image.crop((x, y + LEGEND_H, x + 380, y + 210))
        pixels = list(region.getdata())
        luminance = [sum(p) / 3 for p in pixels]
        data = sum(1 for p in pixels if is_data(p))
        if statistics.pstdev(luminance) < 5 or data < 30:
            label = re.search(r'aria-label="([^"]*)"', svg)
            blank.append((i, f"{label.group(1) if label else i}: sd {statistics.pstdev(luminance):.1f}, {data} data pixels"))
    control = len(plots) - 1
    assert control in [i for i, _ in blank], "the control cell (marks removed) was not found blank"
    real = [message for i, message in blank if i != control]
    assert not real, "plots without drawn content:\n" + "\n".join(real)
