"""JSON export and import: every row survives the round trip; bad input changes nothing."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from swreflect.core.clock import FakeClock
from swreflect.core.portability import PLAINTEXT_WARNING
from swreflect.core.services import Services, build_services
from swreflect.errors import ExportFileInvalidError, ImportRefusedError
from swreflect.vault.vault import Vault
from tests.backups.conftest import all_rows, put_setting

# Tables of the kinds other features add, so the round trip proves the code is generic.
EXTRA_SCHEMA = [
    "CREATE TABLE person(id INTEGER PRIMARY KEY, name TEXT NOT NULL, photo BLOB, score REAL,"
    " created_at TEXT)",
    "CREATE TABLE link(person_id INTEGER NOT NULL REFERENCES person(id), tag TEXT,"
    " PRIMARY KEY(person_id, tag)) WITHOUT ROWID",
    "CREATE TABLE loose(a TEXT, b INTEGER)",
    "CREATE TABLE gen(id INTEGER PRIMARY KEY, x INTEGER,"
    " doubled INTEGER GENERATED ALWAYS AS (x * 2) VIRTUAL)",
    "CREATE TABLE note(id INTEGER PRIMARY KEY, body TEXT, trashed INTEGER NOT NULL DEFAULT 0)",
    "CREATE VIRTUAL TABLE note_fts USING fts5(body, content='note', content_rowid='id')",
    "CREATE TRIGGER note_ai AFTER INSERT ON note WHEN new.trashed = 0 BEGIN"
    " INSERT INTO note_fts(rowid, body) VALUES (new.id, new.body); END",
    "CREATE TABLE ruled(id INTEGER PRIMARY KEY, body TEXT)",
    "CREATE VIRTUAL TABLE ruled_fts USING fts5(body, content='ruled', content_rowid='id')",
    "CREATE TABLE version(id INTEGER PRIMARY KEY, status TEXT NOT NULL)",
    "CREATE TABLE zsignature(version_id INTEGER NOT NULL REFERENCES version(id), who TEXT)",
    "CREATE TRIGGER zsignature_closed BEFORE INSERT ON zsignature"
    " WHEN (SELECT status FROM version WHERE id = new.version_id) = 'agreed'"
    " BEGIN SELECT RAISE(ABORT, 'agreed record is immutable'); END",
    "CREATE VIRTUAL TABLE free_fts USING fts5(text)",
    "CREATE TABLE audit(id INTEGER PRIMARY KEY, what TEXT)",
    "CREATE TRIGGER person_audit AFTER INSERT ON person BEGIN"
    " INSERT INTO audit(what) VALUES ('person added'); END",
]


def _add_schema(vault: Vault) -> None:
    with vault.transaction() as conn:
        for statement in EXTRA_SCHEMA:
            conn.execute(statement)


def _fill(vault: Vault) -> None:
    put_setting(vault, "theme", "dark")
    put_setting(vault, "backups.last_auto_at", "2026-01-01T00:00:00+00:00")
    with vault.transaction() as conn:
        conn.execute("INSERT INTO meta(key, value) VALUES ('note', 'kept')")
        conn.executemany(
            "INSERT INTO person(id, name, photo, score, created_at) VALUES (?, ?, ?, ?, ?)",
            [
                (1, "Ada ünïcödé 'quoted'", bytes(range(256)), 0.1, "2026-03-14T09:30:00+00:00"),
                (7, "", b"", None, None),
                (2**62, "big id", None, -1.5e300, "2026-03-14"),
            ],
        )
        conn.executemany("INSERT INTO link VALUES (?, ?)", [(1, "peer"), (7, "manager")])
        conn.executemany("INSERT INTO loose VALUES (?, ?)", [("x", 1), ("x", 1), (None, None)])
        conn.execute("DELETE FROM loose WHERE rowid = 1")  # a gap in the rowids
        conn.execute("INSERT INTO gen(id, x) VALUES (1, 21)")
        conn.executemany(
            "INSERT INTO note(id, body, trashed) VALUES (?, ?, ?)",
            [(3, "a quiet river at dusk", 0), (9, "supervision went well", 0), (4, "river", 1)],
        )
        conn.execute("INSERT INTO ruled(id, body) VALUES (2, 'river bank')")
        conn.execute("INSERT INTO ruled_fts(ruled_fts) VALUES ('rebuild')")
        conn.execute("INSERT INTO version(id, status) VALUES (1, 'draft')")
        conn.executemany("INSERT INTO zsignature VALUES (?, ?)", [(1, "me"), (1, "them")])
        conn.execute("UPDATE version SET status = 'agreed' WHERE id = 1")
        conn.execute("INSERT INTO free_fts(rowid, text) VALUES (5, 'standalone river text')")


@pytest.fixture
def source(make_vault: Any, clock: FakeClock) -> Services:
    vault, _ = make_vault("source")
    _add_schema(vault)
    _fill(vault)
    return build_services(vault, clock)


@pytest.fixture
def fresh(make_vault: Any, clock: FakeClock) -> Services:
    vault, _ = make_vault("fresh", rows=0)
    _add_schema(vault)
    return build_services(vault, clock)


def _without_vault_id(rows: dict[str, list[tuple[Any, ...]]]) -> dict[str, Any]:
    out = dict(rows)
    out["meta"] = [r for r in rows["meta"] if r[0] != "vault_id"]
    out["settings"] = [r for r in rows["settings"] if not str(r[0]).startswith("backups.")]
    return out


def test_round_trip_compares_every_row(source: Services, fresh: Services, tmp_path: Path) -> None:
    out = source.portability.export_json(tmp_path / "export.json")
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    counts = fresh.portability.import_json(out)
    assert counts["person"] == 3
    expected = _without_vault_id(all_rows(source.vault))
    made_here = ("meta", "settings", "person", "link", "loose", "gen", "note", "ruled", "audit")
    assert all(expected[t] for t in made_here), "every table of this test has data"
    assert _without_vault_id(all_rows(fresh.vault)) == expected
    # The new vault keeps its own identity and backup schedule.
    ids = fresh.vault.conn.execute("SELECT value FROM meta WHERE key='vault_id'").fetchall()
    assert ids == [(fresh.vault.vault_id,)]
    conn = fresh.vault.conn
    # Insert triggers did not run twice; the external-content index was rebuilt.
    assert conn.execute("SELECT count(*) FROM audit").fetchone()[0] == 3
    for index in ("note_fts", "ruled_fts"):
        query = f"SELECT rowid FROM {index} WHERE {index} MATCH 'river' ORDER BY rowid"  # noqa: S608
        hits = conn.execute(query).fetchall()
        assert hits == source.vault.conn.execute(query).fetchall()
        assert hits  # the index was filled: by its trigger (trashed rows left out) or rebuilt
    assert conn.execute("SELECT rowid FROM note_fts WHERE note_fts MATCH 'river'").fetchall() == [
        (3,)
    ]
    # The "agreed record" rule is back in force after the import.
    with pytest.raises(Exception, match="immutable"):
        conn.execute("INSERT INTO zsignature VALUES (1, 'late')")
    assert conn.execute("SELECT doubled FROM gen").fetchone()[0] == 42
    # Triggers are back in place afterwards.
    conn.execute("INSERT INTO person(id, name) VALUES (100, 'later')")
    assert conn.execute("SELECT count(*) FROM audit").fetchone()[0] == 4
    assert fresh.vault.integrity_problems() == []


def test_document_follows_the_documented_schema(source: Services) -> None:
    doc = source.portability.export_document()
    assert doc["format"] == "swreflect-export"
    assert doc["format_version"] == 1
    assert doc["schema_version"] == source.vault.schema_version()
    assert doc["exported_at"] == "2026-03-14T09:30:00+00:00"
    tables = doc["tables"]
    assert "note_fts" not in tables  # derived: rebuilt on import
    assert not any(name.startswith("free_fts_") for name in tables)  # shadow tables
    assert tables["free_fts"] == [{"rowid": 5, "text": "standalone river text"}]
    ada = tables["person"][0]
    assert ada["photo"] == {"base64": base64.b64encode(bytes(range(256))).decode()}
    assert ada["created_at"] == "2026-03-14T09:30:00+00:00"
    assert "doubled" not in tables["gen"][0]
    assert [r["rowid"] for r in tables["loose"]] == [2, 3]
    json.dumps(doc)  # plain JSON throughout
    assert "NOT encrypted" in PLAINTEXT_WARNING


def test_import_into_a_vault_with_records_is_refused(
    source: Services, fresh: Services, tmp_path: Path
) -> None:
    out = source.portability.export_json(tmp_path / "export.json")
    with fresh.vault.transaction() as conn:
        conn.execute("INSERT INTO note(id, body) VALUES (1, 'already here')")
    before = all_rows(fresh.vault)
    with pytest.raises(ImportRefusedError):
        fresh.portability.import_json(out)
    assert all_rows(fresh.vault) == before


def test_newer_schema_or_format_is_refused(source: Services, fresh: Services) -> None:
    for field in ("schema_version", "format_version"):
        doc = source.portability.export_document()
        doc[field] += 1
        with pytest.raises(ImportRefusedError):
            fresh.portability.import_document(doc)


def _broken(doc: dict[str, Any], how: str) -> Any:
    tables = doc["tables"]
    if how == "unknown table":
        tables["mystery"] = []
    elif how == "unknown column":
        tables["person"][0]["shoe_size"] = 9
    elif how == "boolean value":
        tables["person"][0]["score"] = True
    elif how == "bad base64":
        tables["person"][0]["photo"] = {"base64": "***"}
    elif how == "nested value":
        tables["person"][0]["name"] = ["a", "list"]
    elif how == "rows not a list":
        tables["person"] = {"id": 1}
    elif how == "missing tables":
        del doc["tables"]
    elif how == "wrong format":
        doc["format"] = "something-else"
    elif how == "dangling reference":
        tables["link"].append({"person_id": 999, "tag": "ghost"})
    elif how == "duplicate key":
        tables["person"].append(dict(tables["person"][0]))
    elif how == "not an object":
        return [1, 2, 3]
    return doc


@pytest.mark.parametrize(
    "how",
    [
        "unknown table",
        "unknown column",
        "boolean value",
        "bad base64",
        "nested value",
        "rows not a list",
        "missing tables",
        "wrong format",
        "dangling reference",
        "duplicate key",
        "not an object",
    ],
)
def test_invalid_exports_change_nothing(source: Services, fresh: Services, how: str) -> None:
    count_triggers = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
    triggers = fresh.vault.conn.execute(count_triggers).fetchone()[0]
    before = all_rows(fresh.vault)
    with pytest.raises(ExportFileInvalidError):
        fresh.portability.import_document(_broken(source.portability.export_document(), how))
    assert all_rows(fresh.vault) == before
    assert fresh.vault.conn.execute(count_triggers).fetchone()[0] == triggers >= 3


def test_unreadable_files_are_typed_errors(fresh: Services, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    for content in (b"", b"{not json", b"\xff\xfe garbage"):
        bad.write_bytes(content)
        with pytest.raises(ExportFileInvalidError):
            fresh.portability.import_json(bad)
    with pytest.raises(ExportFileInvalidError):
        fresh.portability.import_json(tmp_path / "missing.json")
