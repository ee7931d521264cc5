"""Benchmark fixtures: the realistic data set (built once, cached) and the closing table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.bench import realistic, table


@pytest.fixture(scope="session")
def realistic_data() -> realistic.BenchData:
    """The cached data set at the scale the environment asks for (built on first use)."""
    import os

    os.environ.setdefault("SWREFLECT_INSECURE_TEST_KDF", "1")
    return realistic.ensure()


@pytest.fixture(scope="session")
def realistic_copy(
    realistic_data: realistic.BenchData, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[realistic.BenchData]:
    """One working copy for the run (the cached original is never opened): the benchmarks
    may change it, and what they add (a few hundred saves, a backup) is small next to it."""
    folder = tmp_path_factory.mktemp("realistic")
    yield realistic.working_copy(realistic_data, folder / "data")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not table.ROWS:
        return
    entries, sessions = realistic.scale_from_environment()
    header = (
        f"swreflect benchmarks: {entries:,} entries, {sessions:,} sessions; {table.load_text()}"
    )
    previous = table.save(table.ROWS, header)
    terminalreporter.write_line("")
    terminalreporter.write_line(table.render(table.ROWS, previous, header))
    terminalreporter.write_line(f"(kept in {table.RESULTS.relative_to(Path.cwd())})")
