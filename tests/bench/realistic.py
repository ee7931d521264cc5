"""The one generator of realistic benchmark data: a career's journal and supervision history.

Entries are 150–600 words of Zipf-distributed English and social-work vocabulary
(``vocabulary.py``), written one at a time through ``JournalService.create`` so the search
index grows the way a user's does (many segments, never rebuilt or optimised). About two in
five entries carry a wellbeing check-in. Sessions go through ``SessionService`` with notes on
several stages (one private), time, ratings from both sides, an action and a drafted summary,
and most end as records agreed in the room (signed through ``SignOffService``).

Scale comes from the environment so the full size can run where there is time for it:
``SWREFLECT_BENCH_ENTRIES`` (default 10,000; the target scale is 100,000) and
``SWREFLECT_BENCH_SESSIONS`` (default 500; target 5,000). Building is slow, so the result is
cached under ``tests/bench/.cache/`` (git-ignored; ``SWREFLECT_BENCH_CACHE`` names another
folder) and benchmarks take a working copy. Build ahead of time with
``python -m tests.bench.realistic`` (it prints progress).

While building, the generator's own connection runs with ``synchronous = OFF``: that changes
only whether each commit waits for the disk, not what is written, so the index has the same
shape as one built by a user over years. The same rows are also exported, unencrypted, into
``plain.db`` by SQLCipher itself (``sqlcipher_export``): the floor for "what does encryption
cost" uses the same SQLite build, the same cache settings and byte-for-byte the same tables.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services, build_services
from swreflect.models.journal import EntryContent, Wellbeing
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.migrations import latest_version
from swreflect.vault.vault import Vault
from tests.bench.vocabulary import prose, sentence_words

GENERATOR_VERSION = 1
# SWREFLECT_BENCH_CACHE lets several checkouts share one built data set.
CACHE_ROOT = Path(
    os.environ.get("SWREFLECT_BENCH_CACHE") or Path(__file__).resolve().parent / ".cache"
)
PASSPHRASE = "bench passphrase that is long enough"
TAGS = ("visits", "court", "team", "wellbeing", "learning", "duty", "supervision", "health")
TEMPLATES = ("free", "free", "free", "gibbs", "driscoll", "critical-incident")
START = datetime(2006, 1, 2, 8, 0, tzinfo=UTC)
CAREER = timedelta(days=20 * 365)


def scale_from_environment() -> tuple[int, int]:
    entries = int(os.environ.get("SWREFLECT_BENCH_ENTRIES", "10000"))
    sessions = int(os.environ.get("SWREFLECT_BENCH_SESSIONS", "500"))
    return entries, sessions


@dataclass(frozen=True)
class BenchData:
    folder: Path  # the encrypted vault folder
    plain_db: Path  # the same tables unencrypted (same engine)
    entries: int
    sessions: int

    def unlock(self) -> Vault:
        return Vault.unlock(self.folder, PASSPHRASE)


def cache_dir(entries: int, sessions: int) -> Path:
    return CACHE_ROOT / f"realistic-{entries}-{sessions}-g{GENERATOR_VERSION}"


def ensure(entries: int | None = None, sessions: int | None = None) -> BenchData:
    """The cached data set at this scale, built (or brought up to the current schema) first."""
    if entries is None or sessions is None:
        entries, sessions = scale_from_environment()
    root = cache_dir(entries, sessions)
    if not (root / "meta.json").exists():
        build(root, entries, sessions)
    meta = json.loads((root / "meta.json").read_text())
    if meta["schema"] != latest_version():
        try:
            _upgrade(root, meta)
        except Exception:  # a cache made under another migration ladder: build it afresh
            build(root, entries, sessions)
    return BenchData(root / "vault", root / "plain.db", entries, sessions)


def working_copy(data: BenchData, dest: Path) -> BenchData:
    """A private copy a benchmark may change (saves, backups) without touching the cache."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(data.folder, dest / "vault", ignore=shutil.ignore_patterns("backups"))
    shutil.copy2(data.plain_db, dest / "plain.db")
    return BenchData(dest / "vault", dest / "plain.db", data.entries, data.sessions)


# ------------------------------------------------------------------------------- building
def build(root: Path, entries: int, sessions: int, seed: int = 16) -> None:
    tmp = root.with_name(root.name + ".building")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    os.environ.setdefault("SWREFLECT_INSECURE_TEST_KDF", "1")
    vault, _ = Vault.create(tmp / "vault", PASSPHRASE, KdfPolicy.insecure_for_tests())
    vault.conn.execute("PRAGMA synchronous = OFF")
    clock = FakeClock(START)
    services = build_services(vault, clock)
    rng = random.Random(seed)
    began = time.monotonic()
    try:
        _write_history(services, clock, rng, entries, sessions, began)
        vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        _export_plain(vault, tmp / "plain.db")
    finally:
        vault.lock()
    shutil.rmtree(tmp / "vault" / "backups", ignore_errors=True)
    meta: dict[str, object] = {
        "entries": entries,
        "sessions": sessions,
        "schema": latest_version(),
        "seed": seed,
    }
    meta["build_seconds"] = round(time.monotonic() - began, 1)
    (tmp / "meta.json").write_text(json.dumps(meta))
    shutil.rmtree(root, ignore_errors=True)
    tmp.rename(root)


def _write_history(
    services: Services,
    clock: FakeClock,
    rng: random.Random,
    entries: int,
    sessions: int,
    began: float,
) -> None:
    agreements = _agreements(services, clock, max(1, sessions // 100))
    services.identity.ensure_identity("Jo Reyes", "supervisor")
    step = CAREER / max(1, entries + sessions)
    every = max(1, entries // max(1, sessions)) if sessions else 0
    done_sessions = 0
    for i in range(entries):
        clock.set(START + step * (i + done_sessions))
        services.journal.create(_entry(rng, i))
        if every and (i + 1) % every == 0 and done_sessions < sessions:
            clock.set(START + step * (i + done_sessions + 1))
            _session(services, rng, agreements[done_sessions % len(agreements)], clock)
            done_sessions += 1
        if (i + 1) % 1000 == 0:
            _progress(f"{i + 1} entries, {done_sessions} sessions", began)
    while done_sessions < sessions:
        _session(services, rng, agreements[done_sessions % len(agreements)], clock)
        clock.advance(86400)
        done_sessions += 1


def _progress(text: str, began: float) -> None:
    print(f"[{time.monotonic() - began:7.0f} s] {text}", file=sys.stderr, flush=True)


def _agreements(services: Services, clock: FakeClock, count: int) -> list[str]:
    ids = []
    for n in range(count):
        person = services.people.add(f"Supervisee {n + 1}", "supervisee")
        agreement = services.agreements.add(
            person.id, "Jo Reyes", start_date=clock.now().date(), frequency="monthly"
        )
        ids.append(agreement.id)
    return ids


def _entry(rng: random.Random, i: int) -> EntryContent:
    template = TEMPLATES[i % len(TEMPLATES)]
    answers = {}
    if template != "free":
        answers = {"what": prose(rng, rng.randint(10, 40))}
    checkin = Wellbeing()
    if rng.random() < 0.4:
        checkin = Wellbeing(rng.randint(1, 5), rng.randint(1, 5), rng.randint(1, 5))
    return EntryContent(
        title=" ".join(sentence_words(rng, rng.randint(2, 6))).capitalize(),
        body=prose(rng, rng.randint(150, 600)),
        template_id=template,
        answers=answers,
        tags=tuple(rng.sample(TAGS, k=rng.randint(0, 2))),
        wellbeing=checkin,
    )


def _session(services: Services, rng: random.Random, agreement_id: str, clock: FakeClock) -> None:
    s = services.sessions
    sid = s.begin(s.create(agreement_id).id, held_on=clock.now().date()).id
    stages = [stage.key for stage in s.get(sid).stages if stage.key != "checkin"]
    for key in rng.sample(stages, k=4):
        s.add_note(sid, key, prose(rng, rng.randint(20, 80)), prompt_text="What stood out?")
        s.add_time(sid, key, rng.randint(5, 25) * 60)
    s.add_note(sid, "checkin", prose(rng, 15), visibility="private")
    s.rate(sid, "supervisor", rng.randint(1, 5), rng.randint(1, 5))
    s.rate(sid, "supervisee", rng.randint(1, 5), rng.randint(1, 5))
    for action in s.get(sid).actions:  # most carried-over actions get done in time
        if action.status == "open" and rng.random() < 0.85:
            services.actions.set_done(action.id)
    s.add_action(sid, prose(rng, 8), rng.choice(("supervisor", "supervisee")))
    s.set_summary(sid, prose(rng, 60))
    s.finish(sid)
    if rng.random() < 0.8:
        services.signoff.acknowledge_session_in_room(sid, "Sam Okafor")


def _export_plain(vault: Vault, dest: Path) -> None:
    dest.unlink(missing_ok=True)
    conn = vault.conn
    conn.execute("ATTACH DATABASE ? AS plaintext KEY ''", (str(dest),))
    try:
        conn.execute("SELECT sqlcipher_export('plaintext')")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute(f"PRAGMA plaintext.user_version = {version}")
    finally:
        conn.execute("DETACH DATABASE plaintext")


def _upgrade(root: Path, meta: dict[str, object]) -> None:
    """Open once so the vault migrates itself, then export the floor again."""
    vault = Vault.unlock(root / "vault", PASSPHRASE)
    try:
        _export_plain(vault, root / "plain.db")
    finally:
        vault.lock()
    shutil.rmtree(root / "vault" / "backups", ignore_errors=True)
    meta["schema"] = latest_version()
    (root / "meta.json").write_text(json.dumps(meta))


if __name__ == "__main__":
    n, s = scale_from_environment()
    print(ensure(n, s))
