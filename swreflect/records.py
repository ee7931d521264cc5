"""Small records without the ``dataclasses`` module, for the classes every command loads.

Why: ``@dataclass`` writes and compiles each class's methods while its module is imported
(about a millisecond a class), and ``dataclasses`` itself loads ``inspect``, ``ast`` and
``tokenize``. The classes any vault-opening command loads (the journal's models, the key slots,
the KDF policy, the paths) cost ``swreflect journal list`` more than the whole of its budget
(``tests/bench/test_bench_cli.py``). A record is declared as a dataclass is, by its annotations::

    class Slot(FrozenRecord):
        id: str
        kdf: dict[str, Any] = field(default_factory=dict)

Its fields are the class's own annotations in order (after any inherited record fields), less
``ClassVar`` ones; the annotations stay strings, never evaluated. ``__init_subclass__`` gives
the class an ``__init__`` that is a closure over the fields (no ``exec``, nothing compiled),
taking them positionally or by name, with the defaults and ``field(default_factory=...)``
factories; a missing, unknown or repeated argument is a ``TypeError`` as for a dataclass.
``None`` for a field with a factory also gets a fresh value (the hand-written constructors'
``answers: dict | None = None``, which ``inspect.signature`` still shows). A class that defines
its own ``__init__`` keeps it; a ``__post_init__(self)``, if any, runs after the fields are set.
``typing.dataclass_transform`` tells the type checker all this, so constructors are checked
against the annotations. The bases give the rest as ``@dataclass`` and
``@dataclass(frozen=True)`` would:

- ``Record``: ``==`` compares the class and the fields in order; ``repr`` is
  ``Name(field=value, ...)``; unhashable, as a mutable dataclass is.
- ``FrozenRecord``: also hashable on its fields; setting or deleting an attribute raises
  ``FrozenRecordError`` (an ``AttributeError``, like ``dataclasses.FrozenInstanceError``).

``replace(record, **changes)`` is ``dataclasses.replace``. ``tests/test_records.py`` checks
every record class against the dataclass it replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, ClassVar, TypeVar, dataclass_transform, overload

T = TypeVar("T")


class FrozenRecordError(AttributeError):
    """An attempt to change a field of an immutable record."""


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class Field:
    """What ``field()`` returns: a default or a default factory, read at class creation."""

    __slots__ = ("default", "default_factory")

    def __init__(self, default: Any, default_factory: Any) -> None:
        self.default = default
        self.default_factory = default_factory


@overload
def field(*, default: T) -> T: ...
@overload
def field(*, default_factory: Callable[[], T]) -> T: ...
def field(*, default: Any = MISSING, default_factory: Any = MISSING) -> Any:
    """A field's default, or ``default_factory`` called for every record (mutable defaults)."""
    if (default is MISSING) == (default_factory is MISSING):
        raise ValueError("field() takes exactly one of default and default_factory")
    return Field(default, default_factory)


_CLASSVAR = ("ClassVar", "typing.ClassVar", "t.ClassVar")


def _is_classvar(annotation: object) -> bool:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith(_CLASSVAR)


def _make_init(cls: type[Record]) -> Callable[..., None]:
    """``__init__`` for ``cls``'s fields: a closure, no generated code."""
    qualname = cls.__qualname__
    names: tuple[str, ...] = cls._fields
    count = len(names)
    known = frozenset(names)
    specs = cls._field_specs
    factories = tuple(
        (name, spec.default_factory)
        for name, spec in specs.items()
        if spec is not MISSING and spec.default_factory is not MISSING
    )
    post_init = getattr(cls, "__post_init__", None)

    def bind(args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
        """The slow path: fill in defaults, or say what is wrong as a dataclass would."""
        if len(args) > count:
            raise TypeError(
                f"{qualname}() takes {count} positional arguments but {len(args)} were given"
            )
        values = dict(zip(names, args, strict=False))
        for name, value in kwargs.items():
            if name in values:
                raise TypeError(f"{qualname}() got multiple values for argument {name!r}")
            if name not in known:
                raise TypeError(f"{qualname}() got an unexpected keyword argument {name!r}")
            values[name] = value
        missing = []
        for name in names:
            if name not in values:
                spec = specs[name]
                if spec is MISSING:
                    missing.append(name)
                elif spec.default_factory is MISSING:
                    values[name] = spec.default
                else:
                    values[name] = None  # made fresh below
        if missing:
            listed = ", ".join(map(repr, missing))
            raise TypeError(f"{qualname}() missing {len(missing)} required argument(s): {listed}")
        return {name: values[name] for name in names}

    # Precomputed so that a well-formed call costs a few C-level dict updates and a length
    # check (``zip`` without ``strict=``: a keyword argument makes it slower to call).
    # ``template`` holds the fields in order with their defaults (None for a factory, MISSING
    # for a required field, always overwritten): by name, an unknown one then makes the
    # ``__dict__`` longer. A call that gives every field positionally skips it.
    required = frozenset(name for name in names if specs[name] is MISSING)
    template = {
        name: MISSING
        if spec is MISSING
        else (None if spec.default_factory is not MISSING else spec.default)
        for name, spec in specs.items()
    }
    n_required = len(required)  # the first fields: no required field follows a default
    # Given ``k`` positionally, the names that may follow, and those that must (made on the
    # first such call: most classes never see one, and class creation is on every command's
    # path).
    mixed: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
    finish = bool(factories) or post_init is not None

    def __init__(self: Record, /, *args: Any, **kwargs: Any) -> None:
        stored = self.__dict__
        if not args:
            stored.update(template)
            stored.update(kwargs)
            # An unknown name makes the dict longer; a missing required one leaves MISSING.
            if len(stored) != count or (
                len(kwargs) != count and required and not kwargs.keys() >= required
            ):
                stored.update(bind(args, kwargs))  # raises the TypeError unless re-initialised
        elif kwargs:
            given = len(args)
            keys = kwargs.keys()
            if given not in mixed:
                mixed[given] = (frozenset(names[given:]), frozenset(names[given:n_required]))
            nameable, needed = mixed[given]
            if given <= count and keys <= nameable and keys >= needed:
                stored.update(template)
                stored.update(zip(names, args))  # noqa: B905 -- at most as long as names
                stored.update(kwargs)
            else:
                stored.update(bind(args, kwargs))  # raises the TypeError
        elif not n_required <= len(args) <= count:
            bind(args, kwargs)  # raises the TypeError
        else:
            if len(args) != count:
                stored.update(template)
            stored.update(zip(names, args))  # noqa: B905 -- at most as long as names, checked
        if finish:
            for name, make in factories:
                if stored[name] is None:
                    stored[name] = make()
            if post_init is not None:
                post_init(self)

    __init__.__qualname__ = f"{qualname}.__init__"
    __init__._record_fields = names  # type: ignore[attr-defined]
    return __init__


class _Signature:
    """``cls.__signature__`` for ``inspect.signature``: built on demand, so ``inspect`` is
    imported only by whoever asks (never on a command's path)."""

    def __get__(self, instance: object, owner: type[Record]) -> Any:
        if instance is not None:
            raise AttributeError("__signature__")
        if getattr(owner.__init__, "_record_fields", None) != owner._fields:
            return None  # a hand-written __init__: inspect reads it
        import inspect

        kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
        params = []
        for name in owner._fields:
            spec = owner._field_specs[name]
            default: Any = inspect.Parameter.empty
            if spec is not MISSING:
                default = None if spec.default_factory is not MISSING else spec.default
            annotation = owner._field_types.get(name, inspect.Parameter.empty)
            params.append(inspect.Parameter(name, kind, default=default, annotation=annotation))
        return inspect.Signature(params, return_annotation=None)


@dataclass_transform(field_specifiers=(field, Field))
class Record:
    _fields: ClassVar[tuple[str, ...]] = ()
    # A field's ``Field`` (its default or factory), or MISSING when it is required.
    _field_specs: ClassVar[dict[str, Any]] = {}
    _field_types: ClassVar[dict[str, Any]] = {}
    # ``_values(record)``: the fields' values as a tuple (an ``attrgetter``, made once a class).
    _values: ClassVar[Any] = staticmethod(lambda _record: ())
    __signature__: ClassVar[Any] = _Signature()

    def __init_subclass__(cls, frozen: bool = False, **kwargs: Any) -> None:
        # ``frozen=True`` is for the type checker (see FrozenRecord): immutability is
        # FrozenRecord's ``__setattr__``, so only a class that has one may say it.
        super().__init_subclass__(**kwargs)
        if frozen and cls.__setattr__ is object.__setattr__:
            raise TypeError(f"{cls.__qualname__}: a frozen record derives from FrozenRecord")
        specs: dict[str, Any] = {}
        types: dict[str, Any] = {}
        for base in reversed(cls.__mro__[1:]):
            if issubclass(base, Record):
                specs.update(base.__dict__.get("_field_specs", {}))
                types.update(base.__dict__.get("_field_types", {}))
        # Not inspect.get_annotations: inspect is what records keep off a command's path.
        own = cls.__dict__.get("__annotations__", {})  # noqa: RUF063
        for name, annotation in own.items():
            if _is_classvar(annotation):
                continue
            value = cls.__dict__.get(name, MISSING)
            if isinstance(value, Field):
                if value.default_factory is MISSING:
                    setattr(cls, name, value.default)  # the class attribute, as a dataclass's
                else:
                    delattr(cls, name)
            elif value is not MISSING:
                if isinstance(value, list | dict | set):
                    raise ValueError(
                        f"mutable default {type(value)} for field {name} is not allowed:"
                        " use field(default_factory=...)"
                    )
                value = Field(value, MISSING)
            specs.pop(name, None)  # a redefined field keeps its place, as in a dataclass
            specs[name] = value
            types[name] = annotation
        seen_default = ""
        for name, spec in specs.items():
            if spec is not MISSING:
                seen_default = name
            elif seen_default:
                raise TypeError(f"non-default argument {name!r} follows default argument")
        names = tuple(specs)
        cls._fields = names
        cls._field_specs = specs
        cls._field_types = types
        cls.__match_args__ = names  # type: ignore[attr-defined,misc]
        if len(names) == 1:
            one = attrgetter(names[0])
            cls._values = staticmethod(lambda record: (one(record),))
        elif names:
            cls._values = staticmethod(attrgetter(*names))
        if "__init__" not in cls.__dict__:
            cls.__init__ = _make_init(cls)  # type: ignore[method-assign]

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


# ``frozen=True`` and ``frozen_default``: mypy then takes this base and every subclass as frozen
# dataclasses (a frozen one may not inherit from a non-frozen one, nor the reverse).
@dataclass_transform(frozen_default=True, field_specifiers=(field, Field))
class FrozenRecord(Record, frozen=True):
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
