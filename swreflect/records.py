"""Small records without the ``dataclasses`` module, for the classes every command loads.

Why: ``@dataclass`` writes and compiles each class's methods while its module is imported
(about a millisecond a class), and ``dataclasses`` itself loads ``inspect``, ``ast`` and
``tokenize``. The classes any vault-opening command loads (the journal's models, the key slots,
the KDF policy, the paths) cost ``swreflect journal list`` more than the whole of its budget
(``tests/bench/test_bench_cli.py``). A record spells out its ``__init__`` (typed, and as fast as
the generated one); its fields are the parameters of that ``__init__``, in order. The bases give
the rest as ``@dataclass`` and ``@dataclass(frozen=True)`` would:

- ``Record``: ``==`` compares the class and the fields in order; ``repr`` is
  ``Name(field=value, ...)``; unhashable, as a mutable dataclass is.
- ``FrozenRecord``: also hashable on its fields; setting or deleting an attribute raises
  ``FrozenRecordError`` (an ``AttributeError``, like ``dataclasses.FrozenInstanceError``), so
  its ``__init__`` stores the fields with ``self.__dict__.update(...)``.

``replace(record, **changes)`` is ``dataclasses.replace``. ``tests/test_records.py`` checks
every record class against the dataclass it replaced.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any, ClassVar, TypeVar


class FrozenRecordError(AttributeError):
    """An attempt to change a field of an immutable record."""


class Record:
    _fields: ClassVar[tuple[str, ...]] = ()
    # ``_values(record)``: the fields' values as a tuple (an ``attrgetter``, made once a class).
    _values: ClassVar[Any] = staticmethod(lambda _record: ())

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        init = cls.__dict__.get("__init__")
        if init is None:  # a base such as FrozenRecord: the fields come with its subclasses
            return
        code = init.__code__
        names = code.co_varnames[1 : code.co_argcount + code.co_kwonlyargcount]
        cls._fields = tuple(names)
        if len(names) == 1:
            one = attrgetter(names[0])
            cls._values = staticmethod(lambda record: (one(record),))
        elif names:
            cls._values = staticmethod(attrgetter(*names))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(self._values(self) == self._values(other))

    __hash__: ClassVar[None] = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{n}={v!r}" for n, v in zip(self._fields, self._values(self), strict=True)
        )
        return f"{self.__class__.__qualname__}({shown})"


class FrozenRecord(Record):
    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self._values(self))

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenRecordError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenRecordError(f"cannot delete field {name!r}")


# Bound to the class itself, not its name: a name would make typing compile it at import.
R = TypeVar("R", bound=Record)


def replace(record: R, **changes: Any) -> R:
    """A copy of ``record`` with ``changes``, through its own ``__init__``."""
    values = dict(zip(record._fields, record._values(record), strict=True))
    return record.__class__(**{**values, **changes})  # an unknown name: TypeError, as before
