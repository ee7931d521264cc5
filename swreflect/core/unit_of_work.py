"""The transaction convention for services: the use case owns the transaction.

Repositories never begin or commit; they write through ``Vault.writer()``, which refuses a
write made outside a transaction (docs/architecture.md §3). A service receives the vault's
``transaction`` (a callable returning a context manager) as ``self._transaction`` and marks
each use case that writes with ``@atomic``: everything the use case writes, across however
many repositories, commits together or not at all. A use case that calls another one (sign-off
moving a session on) joins the outer transaction as a savepoint.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

Transaction = Callable[[], contextlib.AbstractContextManager[Any]]

P = ParamSpec("P")
R = TypeVar("R")


class OwnsTransactions(Protocol):
    _transaction: Transaction


S = TypeVar("S", bound=OwnsTransactions)


def atomic(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
    """Run the whole method in one ``self._transaction()``."""

    @functools.wraps(method)
    def run(self: S, *args: P.args, **kwargs: P.kwargs) -> R:
        with self._transaction():
            return method(self, *args, **kwargs)

    return run
