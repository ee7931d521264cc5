"""Reading every table out of the vault, and writing rows back, for the JSON export.

Generic over the schema, so tables other features add later are carried without changes here:

* every ordinary table in ``main`` is exported (``PRAGMA table_list``), except SQLite's own
  (``sqlite_*``) and the shadow tables behind virtual tables;
* generated and hidden columns are left out (SQLite recomputes them);
* a rowid table whose rowid is not a declared ``INTEGER PRIMARY KEY`` also carries its
  ``rowid``, so anything that refers to it (an external-content FTS index) still lines up;
* an FTS5 table that keeps its own text is exported like a table (with ``rowid``); one with
  external content (``content=...``) is derived data, skipped, and refilled on import by its
  insert triggers (or, if none feeds it, the ``'rebuild'`` command); a contentless one
  (``content=''``) and other virtual tables cannot be read back and are skipped;
* an ordinary table named after an external-content index (``journal_fts_versions``) is that
  index's bookkeeping, derived like the index itself: skipped, and refilled by the same triggers.

On import (one transaction), the triggers that feed a full-text index on insert stay active, so
each index holds exactly what the feature's own rules put there; every other trigger is
dropped while the rows go in and recreated before the commit (DDL is transactional in
SQLite), so rows arrive exactly as exported, never rewritten, duplicated or refused by rules
meant for later edits. Foreign keys are checked at commit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from swreflect.vault import connection as dbconn
from swreflect.vault.connection import Connection

_FTS5 = re.compile(r"\busing\s+fts5\s*\(", re.IGNORECASE)
_EXTERNAL_CONTENT = re.compile(r"\bcontent\s*=\s*(?!''|\"\")", re.IGNORECASE)
_AFTER_INSERT = re.compile(r"\bafter\s+insert\s+on\b", re.IGNORECASE)
_CONTENTLESS = re.compile(r"\bcontent\s*=\s*(''|\"\")", re.IGNORECASE)


def quote_ident(name: str) -> str:
    """Quote an identifier; names here only ever come from ``sqlite_master``, never from input
    (an import's table names are matched against those first)."""
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[str, ...]  # insertable columns, in declared order; may start with "rowid"
    without_rowid: bool
    fts5: bool


def _table_list(conn: Connection) -> list[tuple[str, str, bool]]:
    rows = conn.execute("PRAGMA main.table_list").fetchall()
    return [(str(r[1]), str(r[2]), bool(r[4])) for r in rows]


def _sql_of(conn: Connection, name: str) -> str:
    row = conn.execute("SELECT sql FROM main.sqlite_master WHERE name = ?", (name,)).fetchone()
    return str(row[0] or "") if row else ""


def _columns(conn: Connection, name: str, without_rowid: bool, fts5: bool) -> tuple[str, ...]:
    info = conn.execute(f"PRAGMA main.table_xinfo({quote_ident(name)})").fetchall()
    # table_xinfo: cid, name, type, notnull, dflt_value, pk, hidden
    cols = [str(r[1]) for r in info if int(r[6]) == 0]
    if without_rowid:
        return tuple(cols)
    if fts5:
        return ("rowid", *cols)
    pks = [r for r in info if int(r[5]) > 0]
    has_alias = len(pks) == 1 and str(pks[0][2]).strip().upper() == "INTEGER"
    lowered = {c.lower() for c in cols}
    if has_alias or "rowid" in lowered:
        return tuple(cols)
    return ("rowid", *cols)


def column_types(conn: Connection, name: str) -> dict[str, tuple[str, bool]]:
    """Declared type (upper case) and NOT NULL of each column, for checking imported values."""
    info = conn.execute(f"PRAGMA main.table_xinfo({quote_ident(name)})").fetchall()
    return {str(r[1]): (str(r[2] or "").upper(), bool(r[3]) and int(r[5]) == 0) for r in info}


def exportable_tables(conn: Connection) -> list[TableSpec]:
    specs: list[TableSpec] = []
    derived = tuple(f"{index}_" for index in external_fts_tables(conn))
    for name, kind, without_rowid in _table_list(conn):
        if name.startswith("sqlite_") or kind not in ("table", "virtual"):
            continue
        if derived and name.startswith(derived):
            continue
        fts5 = False
        if kind == "virtual":
            sql = _sql_of(conn, name)
            if not _FTS5.search(sql) or _EXTERNAL_CONTENT.search(sql) or _CONTENTLESS.search(sql):
                continue
            fts5 = True
        specs.append(
            TableSpec(name, _columns(conn, name, without_rowid, fts5), without_rowid, fts5)
        )
    return sorted(specs, key=lambda s: s.name)


def external_fts_tables(conn: Connection) -> list[str]:
    """FTS5 tables indexing another table's content (rebuilt after an import)."""
    return [
        name
        for name, kind, _ in _table_list(conn)
        if kind == "virtual"
        and _FTS5.search(sql := _sql_of(conn, name))
        and _EXTERNAL_CONTENT.search(sql)
    ]


def read_rows(conn: Connection, spec: TableSpec) -> list[tuple[Any, ...]]:
    cols = ", ".join(quote_ident(c) if c != "rowid" else "rowid" for c in spec.columns)
    order = ", ".join(str(i + 1) for i in range(len(spec.columns)))
    sql = f"SELECT {cols} FROM main.{quote_ident(spec.name)} ORDER BY {order}"  # noqa: S608
    return [tuple(r) for r in conn.execute(sql).fetchall()]


def read_everything(conn: Connection) -> tuple[int, list[tuple[TableSpec, list[tuple[Any, ...]]]]]:
    """Every exportable table and its rows, through ``conn`` (the caller holds a read
    snapshot on a connection of its own, ``connection.read_snapshot``)."""
    version = schema_version(conn)
    return version, [(spec, read_rows(conn, spec)) for spec in exportable_tables(conn)]


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def count_rows(conn: Connection, table: str) -> int:
    sql = f"SELECT count(*) FROM main.{quote_ident(table)}"  # noqa: S608
    return int(conn.execute(sql).fetchone()[0])


def count_rows_where_not_prefixed(conn: Connection, table: str, key_prefix: str) -> int:
    row = conn.execute(
        f"SELECT count(*) FROM main.{quote_ident(table)} WHERE substr(key, 1, ?) != ?",  # noqa: S608
        (len(key_prefix), key_prefix),
    ).fetchone()
    return int(row[0])


@dataclass(frozen=True)
class TableRows:
    spec: TableSpec
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    replace: bool  # INSERT OR REPLACE (tables a new vault already fills, such as meta)


def _feeds_index(sql: str, indexes: list[str]) -> str | None:
    """The full-text index an ``AFTER INSERT`` trigger writes to, if it is such a trigger."""
    if not _AFTER_INSERT.search(sql):
        return None
    for name in indexes:
        if re.search(rf"\binto\s+(main\.)?[\"`\[]?{re.escape(name)}\b", sql, re.IGNORECASE):
            return name
    return None


def write_all(conn: Connection, tables: Iterable[TableRows]) -> None:
    """Insert everything inside the caller's transaction; foreign keys are checked at commit.

    Triggers that keep a full-text index up to date on insert stay active, so the index gets
    exactly the rows the feature's own rules put in it (a trashed entry stays unindexed).
    Every other trigger is set aside until the rows are in (and recreated in the same
    transaction): rows arrive exactly as exported, never rewritten, duplicated or refused by
    rules meant for later edits (for example "no signature may be added to an agreed
    record"). An external-content index that no trigger feeds is rebuilt."""
    dbconn.require_transaction(conn)
    conn.execute("PRAGMA defer_foreign_keys = ON")
    indexes = external_fts_tables(conn)
    triggers = conn.execute(
        "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL"
    ).fetchall()
    fed = {_feeds_index(str(sql), indexes) for _name, sql in triggers} - {None}
    set_aside = [(n, sql) for n, sql in triggers if _feeds_index(str(sql), indexes) is None]
    for name, _sql in set_aside:
        conn.execute(f"DROP TRIGGER main.{quote_ident(str(name))}")
    for table in tables:
        if not table.rows:
            continue
        verb = "INSERT OR REPLACE" if table.replace else "INSERT"
        cols = ", ".join(quote_ident(c) if c != "rowid" else "rowid" for c in table.columns)
        marks = ", ".join("?" for _ in table.columns)
        conn.executemany(
            f"{verb} INTO main.{quote_ident(table.spec.name)} ({cols}) VALUES ({marks})",
            table.rows,
        )
    for _name, sql in set_aside:
        conn.execute(str(sql))
    for name in indexes:
        if name not in fed:
            ident = quote_ident(name)
            conn.execute(f"INSERT INTO main.{ident}({ident}) VALUES ('rebuild')")  # noqa: S608
    problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise dbconn.DatabaseError("foreign key check failed")
