"""Saving an edit leaves the old version in the index for idle-time upkeep (migration m0010):
searches never see it, upkeep removes it securely, a purge removes every version at once, and
upkeep merges segments when nothing is stale."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services, build_services
from swreflect.models.journal import EntryContent, JournalFilter
from swreflect.vault.portability_repo import exportable_tables
from swreflect.vault.vault import Vault
from tests.journal.pages import occurs, plaintext_of_vault

UPGRADE = Path(__file__).resolve().parents[1] / "upgrade"


def _raw(services: Services, word: str) -> list[int]:
    """Index row ids holding ``word``, stale or not (what the pages still contain)."""
    rows = services.vault.conn.execute(
        "SELECT rowid FROM journal_fts WHERE journal_fts MATCH ?", (f'"{word}"',)
    ).fetchall()
    return [int(r[0]) for r in rows]


def _segments(conn: Any) -> int:
    """The number of index segments, from FTS5's structure record (cookie, then varints)."""
    block = bytes(conn.execute("SELECT block FROM journal_fts_data WHERE id = 10").fetchone()[0])
    pos = 8 if block[4:8] == b"\xff\x00\x00\x01" else 4
    values: list[int] = []
    while len(values) < 2:
        value = 0
        while True:
            byte = block[pos]
            pos += 1
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        values.append(value)
    return values[1]  # nLevel, nSegment


def test_an_edit_defers_removal_and_search_never_sees_the_old_words(services: Services) -> None:
    j = services.journal
    entry = j.create(EntryContent(title="Kettle", body="apples and pears", tags=("home",)))
    other = j.create(EntryContent(title="Other", body="apples again"))
    j.update(entry.id, entry.content.with_(body="bananas now"))

    assert _raw(services, "apples") and len(_raw(services, "apples")) == 2  # still in the pages
    assert [h.id for h in j.search("apples")] == [other.id]
    assert j._r.search.count("apples") == 1
    assert [h.id for h in j.search("bananas")] == [entry.id]
    assert [h.id for h in j.search("kettle", JournalFilter(tag="home"))] == [entry.id]
    assert j.tidy_search_index(0) == 1  # one stale version waiting

    while j.tidy_search_index():
        pass
    assert len(_raw(services, "apples")) == 1  # gone from the index itself, not just hidden
    assert [h.id for h in j.search("apples")] == [other.id]
    assert services.vault.integrity_problems() == []


def test_trash_and_restore_follow_the_versions(services: Services) -> None:
    j = services.journal
    entry = j.create(EntryContent(title="Walrus", body="on the ice"))
    j.trash(entry.id)
    assert j.search("walrus") == []
    j.restore(entry.id)
    j.update(entry.id, entry.content.with_(body="on the rocks"))
    assert [h.id for h in j.search("walrus")] == [entry.id]
    assert j.search("ice") == []
    assert j.tidy_search_index(0) == 2


def test_a_purge_removes_every_version_without_waiting_for_upkeep(services: Services) -> None:
    j = services.journal
    canaries = [f"ZebraCanary{n}x" for n in range(3)]
    entry = j.create(EntryContent(title="Edited", body=canaries[0]))
    for word in canaries[1:]:
        j.update(entry.id, entry.content.with_(body=word))
    j.create(EntryContent(title="Kept", body="ordinary words"))
    key = bytes(services.vault.data_key())
    before = plaintext_of_vault(services.vault.folder, key)
    assert all(occurs(c.lower(), before) for c in canaries)  # the index holds all three
    j.trash(entry.id)
    j.purge(entry.id)
    after = plaintext_of_vault(services.vault.folder, key)
    assert [c for c in canaries if occurs(c.lower(), after) or occurs(c, after)] == []
    assert j.tidy_search_index(0) == 0
    assert services.vault.integrity_problems() == []


def test_upkeep_merges_segments_once_nothing_is_stale(services: Services) -> None:
    j = services.journal
    for n in range(12):  # each save writes a segment of its own
        j.create(EntryContent(title=f"Entry {n}", body=f"reflective words number {n}"))
    conn = services.vault.conn
    before = _segments(conn)
    slices = 0
    while j.tidy_search_index() and slices < 200:
        slices += 1
    assert slices < 200
    assert _segments(conn) < before
    assert len(j.search("reflective", limit=50)) == 12


def test_the_index_bookkeeping_is_not_exported(services: Services) -> None:
    names = {spec.name for spec in exportable_tables(services.vault.conn)}
    assert "journal_entries" in names
    assert not names & {"journal_fts_versions", "journal_fts_stale"}


def test_a_vault_indexed_before_versions_searches_edits_and_purges(tmp_path: Path) -> None:
    import json

    golden = sorted(UPGRADE.glob("golden_v*"))[0]
    shutil.copytree(golden, tmp_path / "g")
    passphrase = json.loads((tmp_path / "g" / "manifest.json").read_text())["passphrase"]
    vault = Vault.unlock(tmp_path / "g" / "sam", passphrase)
    try:
        j = build_services(vault, FakeClock()).journal
        first = j.list_entries()[0]
        assert first.id < (1 << 40)  # indexed under its own id before m0010
        assert [h.id for h in j.search("golden first")] == [first.id]
        j.update(first.id, j.get(first.id).content.with_(title="Renamed entirely"))
        assert j.search("golden first") == []
        assert [h.id for h in j.search("renamed")] == [first.id]
        j.trash(first.id)
        j.purge(first.id)
        assert j.search("renamed") == [] and j.tidy_search_index(0) == 0
        assert vault.integrity_problems() == []
    finally:
        vault.lock()


def test_saving_never_merges_segments_upkeep_does(services: Services) -> None:
    """FTS5's automerge made one save in twenty merge hundreds of pages; m0010 turns it off
    and leaves merging to the upkeep."""
    j = services.journal
    conn = services.vault.conn
    before = _segments(conn)
    for n in range(12):  # long entries: FTS5 would start merging once 64 pages are written
        body = " ".join(f"w{n}x{i}" for i in range(3000))
        j.create(EntryContent(title=f"Entry {n}", body=body))
    assert _segments(conn) == before + 12  # one new segment per save, none merged on the way
    while j.tidy_search_index():
        pass
    assert _segments(conn) <= 2
