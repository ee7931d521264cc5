"""Data portability: everything in the vault as one JSON file, and back into a new vault.

**The file is not encrypted.** It exists so a person can take their records anywhere (another
tool, an archive, a new install); whoever holds it can read every word. The CLI prints
``PLAINTEXT_WARNING``; the GUI must show it and get a confirmation before writing.

Format ``swreflect-export``, version 1 (UTF-8 JSON, one object)::

    {
      "format": "swreflect-export",
      "format_version": 1,            # this layout; a larger number is refused
      "schema_version": 3,            # the vault's PRAGMA user_version when exported
      "app_version": "0.1.0",
      "exported_at": "2026-11-28T09:00:00+00:00",   # by the injected clock
      "tables": {
        "<table name>": [             # every ordinary table, rows in a stable order
          {"<column>": <value>, ...}, # one object per row, every row with the same keys
          ...
        ]
      }
    }

Values: ``null``, integers, floats and strings exactly as stored (dates and times are the
strings the vault stores, usually ISO 8601); a BLOB is ``{"base64": "<standard base64>"}``.
A rowid table without an ``INTEGER PRIMARY KEY`` also has a ``"rowid"`` key. Which tables are
included, and how full-text indexes are handled, is described in
``swreflect.vault.portability_repo``.

Import goes into a **new** vault only: it is refused if any table other than ``meta`` and
``settings`` already holds rows, if ``schema_version`` is newer than this vault's, or if
anything fails validation (unknown table or column, wrong value type, rows with differing
keys). ``meta.vault_id`` and ``settings`` keys starting ``backups.`` keep the new vault's
values. Everything is written in one transaction: a failure leaves the vault as it was.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from datetime import datetime
from pathlib import Path
from typing import Any

from swreflect import __version__
from swreflect.core.clock import Clock
from swreflect.errors import ExportFileInvalidError, ImportRefusedError, OutputFileError
from swreflect.platform.files import atomic_write
from swreflect.vault import connection as dbconn
from swreflect.vault import portability_repo as repo
from swreflect.vault.connection import DB_NAME
from swreflect.vault.vault import Vault

FORMAT_NAME = "swreflect-export"
FORMAT_VERSION = 1
UPSERT_TABLES = frozenset({"meta", "settings"})
KEEP_META_KEYS = frozenset({"vault_id", "generation"})
KEEP_SETTING_PREFIX = "backups."
MAX_IMPORT_BYTES = 2 * 1024 * 1024 * 1024

PLAINTEXT_WARNING = (
    "This file is NOT encrypted. Anyone who opens it can read everything in your vault. "
    "Keep it somewhere safe, and delete it when you no longer need it."
)


def _encode(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return {"base64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def _decode(value: Any, where: str) -> Any:
    if value is None or isinstance(value, str | float):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, dict) and set(value) == {"base64"} and isinstance(value["base64"], str):
        try:
            return base64.b64decode(value["base64"], validate=True)
        except (binascii.Error, ValueError):
            pass
    raise ExportFileInvalidError(
        f"That file has a value swreflect can't read (in {where}). Nothing was changed."
    )


class PortabilityService:
    def __init__(self, vault: Vault, clock: Clock) -> None:
        self._vault = vault
        self._clock = clock

    # ------------------------------------------------------------- export
    def export_document(self) -> dict[str, Any]:
        # Borrowed, not copied: a lock meanwhile waits for the read to finish.
        with (
            self._vault.key.use() as dek,
            dbconn.read_snapshot(self._vault.folder / DB_NAME, dek) as conn,
        ):
            version, content = repo.read_everything(conn)
        tables = {
            spec.name: [
                {col: _encode(v) for col, v in zip(spec.columns, row, strict=True)} for row in rows
            ]
            for spec, rows in content
        }
        return {
            "format": FORMAT_NAME,
            "format_version": FORMAT_VERSION,
            "schema_version": version,
            "app_version": __version__,
            "exported_at": self._clock.now().isoformat(timespec="seconds"),
            "tables": tables,
        }

    def export_json(self, dest: Path, document: dict[str, Any] | None = None) -> Path:
        """Write the whole vault as JSON to ``dest`` atomically. The file is plaintext.

        ``document`` is one already read with ``export_document`` (and checked for identifying
        details, core/export_check.py), so what was checked is exactly what is written."""
        dest = Path(dest)
        if document is None:
            document = self.export_document()
        data = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True)
        try:
            atomic_write(dest, (data + "\n").encode("utf-8"))
        except OSError as exc:
            raise OutputFileError() from exc
        return dest

    # ------------------------------------------------------------- import
    def import_json(self, source: Path) -> dict[str, int]:
        """Import an export into this (new, empty) vault; returns rows imported per table."""
        try:
            with open(source, "rb") as fh:
                raw = fh.read(MAX_IMPORT_BYTES + 1)
        except OSError as exc:
            raise ExportFileInvalidError(
                "That file couldn't be read. Nothing was changed."
            ) from exc
        if len(raw) > MAX_IMPORT_BYTES:
            raise ExportFileInvalidError()
        try:
            doc = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
        except (UnicodeDecodeError, ValueError) as exc:
            raise ExportFileInvalidError() from exc
        except RecursionError as exc:  # nesting deeper than any export has
            raise ExportFileInvalidError(
                "That file is nested far more deeply than a swreflect export. Nothing was changed."
            ) from exc
        return self.import_document(doc)

    def import_document(self, doc: Any) -> dict[str, int]:
        conn = self._vault.conn
        version = _check_header(doc, repo.schema_version(conn))
        del version
        specs = {spec.name: spec for spec in repo.exportable_tables(conn)}
        self._refuse_if_not_empty(specs)
        batches = [
            _validated_table(specs, name, rows, self._vault.vault_id)
            for name, rows in sorted(doc["tables"].items())
        ]
        for batch in batches:  # every value against the schema, before anything is written
            _check_values(batch, repo.column_types(conn, batch.spec.name))
        try:
            with self._vault.transaction() as writer:
                repo.write_all(writer, batches)
        except dbconn.DatabaseError as exc:
            raise ExportFileInvalidError(
                "That export doesn't fit this vault (a record clashes or refers to a missing "
                "one). Nothing was changed."
            ) from exc
        return {b.spec.name: len(b.rows) for b in batches}

    def _refuse_if_not_empty(self, specs: dict[str, repo.TableSpec]) -> None:
        conn = self._vault.conn
        for name in specs:
            if name == "meta":
                continue
            if name == "settings":
                count = repo.count_rows_where_not_prefixed(conn, name, KEEP_SETTING_PREFIX)
            else:
                count = repo.count_rows(conn, name)
            if count and name not in UPSERT_TABLES:
                raise ImportRefusedError(
                    "This vault already has records in it, so nothing was imported. "
                    "Create a new vault and import into that."
                )


def _check_header(doc: Any, current_schema: int) -> int:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise ExportFileInvalidError()
    fmt = doc.get("format_version")
    version = doc.get("schema_version")
    if not isinstance(fmt, int) or isinstance(fmt, bool) or fmt < 1:
        raise ExportFileInvalidError()
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ExportFileInvalidError()
    if fmt > FORMAT_VERSION or version > current_schema:
        raise ImportRefusedError(
            "That export was made by a newer version of swreflect. Nothing was changed; "
            "update swreflect, then import it."
        )
    if not isinstance(doc.get("tables"), dict):
        raise ExportFileInvalidError()
    return version


def _validated_table(
    specs: dict[str, repo.TableSpec], name: Any, rows: Any, vault_id: str
) -> repo.TableRows:
    spec = specs.get(name) if isinstance(name, str) else None
    if spec is None:
        raise ExportFileInvalidError(
            "That file has a table this version of swreflect doesn't know. Nothing was changed."
        )
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise ExportFileInvalidError()
    keys = tuple(c for c in spec.columns if rows and c in rows[0])
    if rows and set(rows[0]) != set(keys):
        raise ExportFileInvalidError(
            f"That file has a column this vault doesn't know (in {name}). Nothing was changed."
        )
    values: list[tuple[Any, ...]] = []
    for row in rows:
        if set(row) != set(keys):
            raise ExportFileInvalidError()
        decoded = tuple(_decode(row[k], name) for k in keys)
        if _keep_ours(name, dict(zip(keys, decoded, strict=True))):
            continue
        values.append(decoded)
    del vault_id
    return repo.TableRows(spec, keys, values, replace=name in UPSERT_TABLES)


def _refuse_constant(name: str) -> Any:
    raise ExportFileInvalidError(
        f"That file holds {name}, which no export has. Nothing was changed."
    )


_INT64 = range(-(2**63), 2**63)


def _is_timestamp_column(column: str) -> bool:
    return column.endswith(("_at", "_date", "_on")) or column in ("due", "date")


def _check_values(batch: repo.TableRows, types: dict[str, tuple[str, bool]]) -> None:
    """Refuse any value this vault couldn't store or read back (D8): wrong type for the
    column, a missing required value, an integer beyond 64 bits, text that isn't UTF-8,
    or a date or time that isn't ISO 8601."""
    table = batch.spec.name
    for row in batch.rows:
        for column, value in zip(batch.columns, row, strict=True):
            declared, required = types.get(column, ("", False))
            if not _value_fits(column, value, declared, required):
                raise ExportFileInvalidError(
                    f"That file has a value swreflect can't use (in {table}.{column}). "
                    "Nothing was changed."
                )


def _value_fits(column: str, value: Any, declared: str, required: bool) -> bool:
    if value is None:
        return not required
    if isinstance(value, int) and value not in _INT64:
        return False
    if isinstance(value, float) and not math.isfinite(value):
        return False
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        if _is_timestamp_column(column):
            try:
                datetime.fromisoformat(value)
            except ValueError:
                return False
    if "INT" in declared:
        return isinstance(value, int)
    if "CHAR" in declared or "TEXT" in declared or "CLOB" in declared:
        return isinstance(value, str)
    if "REAL" in declared or "FLOA" in declared or "DOUB" in declared:
        return isinstance(value, int | float)
    if "BLOB" in declared:
        return isinstance(value, bytes)
    return True


def _keep_ours(table: str, row: dict[str, Any]) -> bool:
    """Rows whose value must stay as the new vault has it."""
    key = row.get("key")
    if table == "meta":
        return key in KEEP_META_KEYS
    if table == "settings":
        return isinstance(key, str) and key.startswith(KEEP_SETTING_PREFIX)
    return False
