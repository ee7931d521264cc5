"""Guard: repositories never begin, commit or roll back, and write only through the check.

docs/architecture.md §3: the service running a use case owns the transaction
(``Vault.transaction()``); a repository module executes statements inside it. This test parses
every repository module and refuses (1) any transaction control (``transaction()``,
``savepoint()``, ``commit()``, ``rollback()``, or SQL text starting BEGIN/COMMIT/ROLLBACK/
SAVEPOINT/RELEASE/END) and (2) any function holding write SQL (INSERT, UPDATE, DELETE, REPLACE)
that does not reach the database through ``Vault.writer()`` / ``require_transaction`` (or a
``_w`` property that does), which is what refuses a write outside a transaction at run time.
``test_the_checker_finds_each_kind_of_violation`` feeds it small violations so it can fail.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import swreflect

PACKAGE = Path(swreflect.__file__).parent
CONTROL_CALLS = {"transaction", "savepoint", "read_snapshot", "commit", "rollback"}
CHECKED_CALLS = {"writer", "require_transaction"}
CONTROL_SQL = re.compile(r"^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|END)\b", re.IGNORECASE)
WRITE_SQL = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


def repository_modules() -> list[Path]:
    vault = PACKAGE / "vault"
    found = [*vault.glob("*_repo.py"), *(vault / "supervision").glob("*.py")]
    found += (vault / "journal").glob("*.py")
    return sorted(p for p in found if p.name != "__init__.py")


def _called_name(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _sql_texts(node: ast.AST) -> list[str]:
    """The leading text of every string (and f-string) under ``node``."""
    texts: list[str] = []
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            texts.append(sub.value)
        elif isinstance(sub, ast.JoinedStr) and sub.values:
            first = sub.values[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                texts.append(first.value)
    return texts


def _text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _reaches_checked_writer(func: ast.AST) -> bool:
    for sub in ast.walk(func):
        if isinstance(sub, ast.Call) and _called_name(sub) in CHECKED_CALLS:
            return True
        if isinstance(sub, ast.Attribute) and sub.attr == "_w":
            return True
    return False


def convention_problems(source: str, where: str) -> list[str]:
    tree = ast.parse(source)
    problems: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _called_name(node) in CONTROL_CALLS:
            problems.append(f"{where}:{node.lineno} calls {_called_name(node)}()")
        text = _text(node)
        if text is not None and CONTROL_SQL.match(text):
            problems.append(f"{where}: runs {text.split()[0]}")
        if not isinstance(node, ast.FunctionDef):
            continue
        if node.name == "_w" and not _reaches_checked_writer_call(node):
            problems.append(f"{where}:{node.lineno} _w does not go through writer()")
        writes = [t for t in _sql_texts(node) if WRITE_SQL.match(t)]
        if writes and not _reaches_checked_writer(node):
            problems.append(
                f"{where}:{node.lineno} {node.name}() writes without Vault.writer() "
                f"({writes[0].split()[0]})"
            )
    return problems


def _reaches_checked_writer_call(func: ast.AST) -> bool:
    return any(
        isinstance(sub, ast.Call) and _called_name(sub) in CHECKED_CALLS for sub in ast.walk(func)
    )


def test_repository_modules_follow_the_transaction_convention() -> None:
    modules = repository_modules()
    names = {p.name for p in modules}
    # The scan really covers the repositories (an empty glob must not pass).
    assert {"sessions_repo.py", "signing_repo.py", "entries.py", "settings_repo.py"} <= names
    assert len(modules) >= 15
    problems: list[str] = []
    for path in modules:
        problems += convention_problems(path.read_text(encoding="utf-8"), path.name)
    assert problems == []


def test_every_repository_module_with_write_sql_was_seen_writing() -> None:
    """The write check is not vacuous: it recognises the writes the repositories do make."""
    writing = [
        p.name
        for p in repository_modules()
        if any(WRITE_SQL.match(t) for t in _sql_texts(ast.parse(p.read_text(encoding="utf-8"))))
    ]
    assert {"sessions_repo.py", "actions_repo.py", "signing_repo.py", "extras.py"} <= set(writing)


VIOLATIONS = {
    "own transaction": """
class R:
    def add(self, x):
        with self._vault.transaction() as conn:
            conn.execute("INSERT INTO t VALUES (?)", (x,))
""",
    "commit": """
def save(conn, x):
    conn.execute("INSERT INTO t VALUES (?)", (x,))
    conn.commit()
""",
    "BEGIN text": """
def read(conn):
    conn.execute("BEGIN IMMEDIATE")
""",
    "unchecked write": """
class R:
    def add(self, x):
        self._vault.conn.execute("UPDATE t SET x = ?", (x,))
""",
    "unchecked f-string write": """
class R:
    def add(self, cols, x):
        self._conn.execute(f"DELETE FROM t WHERE {cols} = ?", (x,))
""",
    "a _w that skips the check": """
class R:
    @property
    def _w(self):
        return self._vault.conn
""",
}


def test_the_checker_finds_each_kind_of_violation() -> None:
    for name, source in VIOLATIONS.items():
        assert convention_problems(source, name), name
    fine = """
class R:
    def add(self, x):
        self._vault.writer().execute("INSERT INTO t VALUES (?)", (x,))
    def get(self, x):
        return self._vault.conn.execute("SELECT x FROM t WHERE x = ?", (x,)).fetchone()
"""
    assert convention_problems(fine, "fine") == []
