"""Generates (and caches) a journal vault of many ~500-character entries for benchmarks.

The same rows, from the same seed, also go into a plain SQLite file with the identical schema
(the real migrations applied to a stdlib ``sqlite3`` connection), so a benchmark can compare
SQLCipher against plain SQLite on the same data in the same run. Generation is fast because
every row goes in with one ``executemany`` inside one transaction; the FTS5 index is filled by
the schema's own triggers. Generated vaults are cached under ``/tmp`` keyed by the parameters
and the schema version; the text is synthetic (words from our own passphrase word list), so
the plain copy holds nothing private.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from swreflect.models.journal import EntryContent
from swreflect.paths import resource_path
from swreflect.vault.journal.rows import content_values, stamp
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.migrations import ladder, latest_version
from swreflect.vault.vault import Vault

CACHE_ROOT = Path("/tmp/swreflect-bench-cache")
PASSPHRASE = "bench passphrase that is long enough"
TAGS = ("visits", "court", "team", "wellbeing", "learning", "duty", "supervision", "health")
TEMPLATES = ("free", "gibbs", "driscoll", "cycle-4x4x4", "critical-incident")


@dataclass(frozen=True)
class BenchVault:
    folder: Path  # a working copy of the encrypted vault
    plain_db: Path  # the same rows in plain SQLite
    entries: int
    words: list[str]


def words() -> list[str]:
    text = resource_path("wordlists", "en-gb.txt").read_text(encoding="utf-8")
    return [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]


def _rows(n: int, chars: int, seed: int) -> Iterator[tuple[Any, ...]]:
    rng = random.Random(seed)
    vocab = words()
    cum: list[float] = []  # Zipf-like word frequencies, like real prose
    total = 0.0
    for rank in range(len(vocab)):
        total += 1 / (rank + 1)
        cum.append(total)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    for i in range(n):
        parts: list[str] = []
        length = 0
        while length < chars:
            chunk = rng.choices(vocab, cum_weights=cum, k=24)
            parts.extend(chunk)
            length += sum(len(w) + 1 for w in chunk)
        body = " ".join(parts)[:chars]
        title = " ".join(rng.choices(vocab, cum_weights=cum, k=4)).capitalize()
        template = TEMPLATES[i % len(TEMPLATES)]
        tags = tuple(rng.sample(TAGS, k=rng.randint(0, 2)))
        answers = {"what": " ".join(rng.choices(vocab, k=8))} if template != "free" else {}
        content = EntryContent(title, body, template, answers, tags)
        when = stamp(start + timedelta(minutes=37 * i))
        yield (*content_values(content), when, when)


INSERT = (
    "INSERT INTO journal_entries (title, body, template_id, answers, search_answers, "
    "search_tags, energy, stress, workload, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
TAG_INSERT = (
    "INSERT INTO journal_tags (entry_id, tag) SELECT id, ? FROM journal_entries "
    "WHERE instr(char(10) || search_tags || char(10), char(10) || ? || char(10)) > 0"
)


def _fill(conn: Any, n: int, chars: int, seed: int) -> None:
    """Bulk load: the search triggers are set aside and the index is built in one pass
    (``rebuild``), which is what the triggers would have produced, only faster."""
    conn.execute("PRAGMA cache_size = -262144")
    conn.execute("BEGIN")
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'journal_fts_%'"
    ).fetchall()
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    conn.executemany(INSERT, _rows(n, chars, seed))
    for tag in TAGS:
        conn.execute(TAG_INSERT, (tag, tag))
    conn.execute("INSERT INTO journal_fts(journal_fts) VALUES ('rebuild')")
    for _name, sql in triggers:
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.execute("PRAGMA cache_size = -2000")


def _format_digest() -> str:
    """Changes whenever the on-disk format could: key slots, connection settings, schema."""
    vault_pkg = Path(__file__).resolve().parents[2] / "swreflect" / "vault"
    sources = [vault_pkg / "keyslots.py", vault_pkg / "connection.py"]
    sources += sorted((vault_pkg / "migrations").glob("m*.py"))
    digest = hashlib.sha256()
    for path in sources:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _key(n: int, chars: int, seed: int) -> str:
    raw = f"{n}:{chars}:{seed}:schema{latest_version()}:{_format_digest()}:v1"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


class _PlainSchema:
    """The stdlib's older SQLite lacks FTS5 ``secure-delete``; everything else is identical."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, *args: Any) -> Any:
        if "secure-delete" in sql:
            return None
        return self._conn.execute(sql, *args)

    def executemany(self, sql: str, rows: Any) -> Any:
        return self._conn.executemany(sql, rows)


def _build(cache: Path, n: int, chars: int, seed: int) -> None:
    tmp = cache.with_name(cache.name + ".building")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    vault, _ = Vault.create(tmp / "vault", PASSPHRASE, KdfPolicy.insecure_for_tests())
    try:
        _fill(vault.conn, n, chars, seed)
        vault.conn.execute("INSERT INTO journal_fts(journal_fts) VALUES ('optimize')")
        vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        vault.lock()
    plain = sqlite3.connect(tmp / "plain.db", isolation_level=None)
    try:
        plain.execute("PRAGMA journal_mode = WAL")
        for step in ladder():
            plain.execute("BEGIN")
            step.upgrade(_PlainSchema(plain))
            plain.execute("COMMIT")
        _fill(plain, n, chars, seed)
        plain.execute("INSERT INTO journal_fts(journal_fts) VALUES ('optimize')")
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        plain.close()
    tmp.rename(cache)


def bench_vault(work: Path, n: int = 100_000, chars: int = 500, seed: int = 7) -> BenchVault:
    """A fresh working copy of the cached vault (built on first use)."""
    cache = CACHE_ROOT / _key(n, chars, seed)
    if not (cache / "vault" / "vault.db").exists():
        CACHE_ROOT.mkdir(parents=True, exist_ok=True)
        _build(cache, n, chars, seed)
    shutil.copytree(cache / "vault", work / "vault")
    shutil.copy2(cache / "plain.db", work / "plain.db")
    return BenchVault(work / "vault", work / "plain.db", n, words())
