"""Export benchmarks: one typical record <= 300 ms including signing; a batch of 100 <= 10 s.

Run with ``make bench``. Prints figures and their ratio to the target; never fails on timing.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from tests.bench import table
from tests.bench.installed import NOTE, installed_env
from tests.bench.vocabulary import prose
from tests.export.factory import make_identity, make_record, sign_both

FRESH_RUNS = 3
NOW = datetime(2026, 3, 5, 10, 0, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]


def _report(name: str, seconds: float, target: float) -> None:
    ms, target_ms, ratio = seconds * 1000, target * 1000, seconds / target
    print(f"\n{name}: {ms:.0f} ms (target {target_ms:.0f} ms, ratio {ratio:.2f})")


def test_bench_one_record_export_including_signing(tmp_path):
    from swreflect.export.pdf_record import export_record_pdf
    from swreflect.export.verify import verify_file

    supervisor, supervisee = make_identity("Supervisor"), make_identity("Supervisee")
    signed = sign_both(make_record(), supervisor, supervisee)
    out = tmp_path / "one.pdf"
    export_record_pdf(signed, supervisor, out, NOW)  # warm: fonts registered, modules imported
    times, cpu = [], []
    for _ in range(15):
        start, start_cpu = time.perf_counter(), time.process_time()
        export_record_pdf(signed, supervisor, out, NOW)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    median = statistics.median(times)
    _report("one record, render + sign + atomic write (median of 15)", median, 0.3)
    _report("one record, slowest of 15", max(times), 0.3)
    _report("one record, CPU time (median of 15, less load-sensitive)", statistics.median(cpu), 0.3)
    verify_times = []
    for _ in range(5):
        start = time.perf_counter()
        verify_file(out)
        verify_times.append(time.perf_counter() - start)
    _report("verify one record (median of 5)", statistics.median(verify_times), 0.3)
    table.record("PDF: verify one record (median of 5)", statistics.median(verify_times) * 1000,
                 300)  # fmt: skip
    table.record("PDF: one typical record, render + sign (median of 15)", median * 1000, 300)
    full = sign_both(_full_record(), supervisor, supervisee)
    export_record_pdf(full, supervisor, out, NOW)
    full_times = []
    for _ in range(9):
        start = time.perf_counter()
        export_record_pdf(full, supervisor, out, NOW)
        full_times.append(time.perf_counter() - start)
    table.record(
        "PDF: realistic full record (6 stages x 4 notes), warm", statistics.median(full_times)
        * 1000, 150, note=f"median of 9; {len(str(full))} characters of record",
    )  # fmt: skip


def _full_record() -> dict[str, object]:
    """6 stages of 4 notes each, about 17,500 characters, like a long real session."""
    import random

    rng = random.Random(3)
    record = make_record()
    record["stages"] = [
        {
            "key": f"stage-{n}",
            "title": f"Stage {n + 1}",
            "notes": [
                {"prompt": "What stood out?", "text": prose(rng, rng.randint(90, 150))}
                for _ in range(4)
            ],
        }
        for n in range(6)
    ]
    return record


def test_bench_first_export_in_a_fresh_process(tmp_path):
    """The first export pays for importing reportlab and pyHanko and parsing the font (median
    of three fresh processes loading cached bytecode, as an installed app does)."""
    code = (
        "import sys, time\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from tests.export.factory import make_identity, make_record, sign_both\n"
        "from datetime import datetime, UTC\n"
        "a = make_identity('A'); s = sign_both(make_record(), a, a)\n"
        "t = time.perf_counter()\n"
        "import reportlab.platypus, pyhanko.sign.signers, pyhanko.sign.validation\n"
        "from swreflect.export import pdf_layout, pdf_render, pdf_sign, visible\n"
        "from swreflect.export.pdf_record import build_pdf\n"
        "i = time.perf_counter()\n"
        "build_pdf([s], a, datetime(2026, 3, 5, tzinfo=UTC))\n"
        "print(i - t, time.perf_counter() - i)\n"
    )
    env = installed_env(tmp_path / "pycache")
    runs = [_fresh(code, env) for _ in range(FRESH_RUNS + 1)][1:]  # the first fills the cache
    imports = statistics.median(r[0] for r in runs)
    first = statistics.median(r[1] for r in runs)
    total = statistics.median(r[0] + r[1] for r in runs)
    _report("first export in a fresh process (imports included)", total, 0.3)
    note = f"median of {FRESH_RUNS} processes; imports {imports * 1000:.0f} ms; {NOTE}"
    table.record("PDF: first export in a fresh process, after imports", first * 1000, 300,
                 note=note)  # fmt: skip
    table.record("PDF: first export in a fresh process, total", total * 1000, 600, note=note)
    warmed = code.replace(
        "t = time.perf_counter()\n",
        "from swreflect.export.pdf_record import warm_up\nwarm_up()\nt = time.perf_counter()\n",
    )
    _report(
        "first export after warm_up() (as a worker would do after unlock)",
        sum(_fresh(warmed, env)),
        0.3,
    )


def _fresh(code: str, env: dict[str, str]) -> tuple[float, float]:
    """(imports, first export) in seconds, as the child measured them."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    imports, first = (float(x) for x in result.stdout.split()[-2:])
    return imports, first


def test_bench_batch_of_100(tmp_path):
    from swreflect.export.pdf_record import export_batch_pdf
    from swreflect.export.verify import verify_file

    supervisor, supervisee = make_identity("Supervisor"), make_identity("Supervisee")
    records = [
        sign_both(
            make_record(date=f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}"), supervisor, supervisee
        )
        for i in range(100)
    ]
    out = tmp_path / "batch.pdf"
    start, start_cpu = time.perf_counter(), time.process_time()
    export_batch_pdf(records, supervisor, out, NOW)
    elapsed = time.perf_counter() - start
    _report("batch of 100 records into one signed PDF", elapsed, 10.0)
    _report("batch of 100, CPU time", time.process_time() - start_cpu, 10.0)
    print(f"  size {out.stat().st_size / 1024:.0f} KiB")
    start = time.perf_counter()
    verify_file(out)
    _report("verify the batch of 100", time.perf_counter() - start, 10.0)
