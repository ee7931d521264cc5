"""The one ``make bench`` table: figure, target, measured, ratio, meets or misses.

Benchmarks call ``record(...)``; at the end of the run ``conftest.py`` prints the table, adds
the machine's load average and the data scale, and writes it to ``results/last.json`` (kept
in git) beside the previous run's figures, so a regression shows as a change in the
"previous" column. Nothing here fails a test: timing is reported, never asserted.

Percentiles are computed only from at least ``MIN_FOR_P95`` samples; with fewer, the figure is
labelled "max" and is the maximum.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import asdict, dataclass
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "last.json"
MIN_FOR_P95 = 100


@dataclass
class Row:
    figure: str
    target: str
    measured: float
    unit: str
    ratio: float  # measured / allowed (<= 1 meets)
    meets: bool
    note: str = ""


ROWS: list[Row] = []


def percentile(samples: list[float], pct: float) -> float:
    """Nearest-rank percentile (``pct`` in 0–100) of a non-empty list."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def tail(samples: list[float], pct: float = 95) -> tuple[str, float]:
    """(label, value): the percentile when there are enough samples, else the maximum."""
    if len(samples) >= MIN_FOR_P95 or pct == 50:
        return f"p{pct:g}", percentile(samples, pct)
    return "max", max(samples)


def record(
    figure: str,
    measured: float,
    allowed: float | None,
    unit: str = "ms",
    *,
    target: str = "",
    note: str = "",
) -> Row:
    """One row: ``measured`` against ``allowed`` (both in ``unit``; lower is better). With no
    ``allowed`` the figure is reported for information only."""
    if allowed is None:
        row = Row(figure, target or "(reported)", measured, unit, float("nan"), True, note)
        ROWS.append(row)
        return row
    ratio = measured / allowed if allowed else float("inf")
    row = Row(figure, target or f"<= {allowed:g} {unit}", measured, unit, ratio, ratio <= 1, note)
    ROWS.append(row)
    return row


def load_text() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "load unknown"
    return f"load {one:.1f} / {five:.1f} (1 / 5 min), {os.cpu_count()} cores"


def render(rows: list[Row], previous: dict[str, float], header: str) -> str:
    lines = [header, ""]
    head = (
        f"{'figure':<52} {'target':<22} {'measured':>12} {'ratio':>6}  {'result':<7} "
        f"{'previous':>10}"
    )
    lines += [head, "-" * len(head)]
    for r in rows:
        before = previous.get(r.figure)
        shown = f"{r.measured:.1f} {r.unit}" if r.unit != "x" else f"{r.measured:.2f}x"
        prev = "" if before is None else f"{before:.1f}"
        lines.append(
            f"{r.figure:<52} {r.target:<22} {shown:>12} {r.ratio:>6.2f}  "
            f"{_verdict(r):<7} {prev:>10}"
        )
        if r.note:
            lines.append(f"    {r.note}")
    return "\n".join(lines)


def _verdict(row: Row) -> str:
    if math.isnan(row.ratio):
        return "info"
    return "meets" if row.meets else "MISSES"


def save(rows: list[Row], header: str) -> dict[str, float]:
    """Write this run's rows (merged over the previous file's) and return the previous
    figures."""
    previous: dict[str, float] = {}
    kept: dict[str, dict[str, object]] = {}
    if RESULTS.exists():
        data = json.loads(RESULTS.read_text())
        kept = {r["figure"]: r for r in data.get("rows", [])}
        previous = {k: float(str(v["measured"])) for k, v in kept.items()}
    for r in rows:
        kept[r.figure] = asdict(r)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"header": header, "rows": list(kept.values())}, indent=1))
    return previous
