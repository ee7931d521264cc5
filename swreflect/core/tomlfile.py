"""Loading our TOML data files (templates, prompt packs) with errors that name file and line.

``tomllib`` reports syntax errors with a line number; problems found after parsing (a missing
field, a duplicate id) are located by ``line_of`` so the message can still point at a line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from swreflect.errors import ResourceError

MAX_FILE_BYTES = 1024 * 1024


@dataclass(frozen=True)
class TomlDocument:
    path: Path
    text: str
    data: dict[str, Any]

    def line_of(self, key: str, value: str | None = None) -> int | None:
        """First line that assigns ``key`` (optionally ``key = "value"``), 1-based."""
        if value is None:
            pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        else:
            pattern = re.compile(rf"^\s*{re.escape(key)}\s*=\s*[\"']{re.escape(value)}[\"']")
        for number, line in enumerate(self.text.splitlines(), start=1):
            if pattern.search(line):
                return number
        return None

    def error(self, problem: str, line: int | None = None) -> ResourceError:
        return resource_error(self.path, problem, line)


def resource_error(path: Path, problem: str, line: int | None = None) -> ResourceError:
    where = f"{path.name}, line {line}" if line else path.name
    return ResourceError(f"{where}: {problem}")


def load_toml(path: Path) -> TomlDocument:
    """Read and parse ``path``; every failure is a ResourceError naming the file (and line)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise resource_error(path, "the file couldn't be read.") from exc
    if len(raw) > MAX_FILE_BYTES:
        raise resource_error(path, "the file is too large to be a template or prompt pack.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise resource_error(path, "the file isn't UTF-8 text.") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = int(match.group(1)) if match else None
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise resource_error(path, f"this isn't valid TOML ({reason}).", line) from exc
    return TomlDocument(path, text, data)
