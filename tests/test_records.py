"""Every record class (``swreflect/records.py``) behaves as the dataclass it replaced.

The table below is each class's dataclass definition as it was: field names in order, defaults
(``FACTORY`` for a ``default_factory``) and whether it was frozen. For each class a twin
dataclass is made from that definition, and the two must agree on the constructor's fields and
defaults, ``==``, ``hash``, ``repr``, immutability and ``replace``.
"""

from __future__ import annotations

import copy
import dataclasses
import importlib
import inspect
from typing import Any, ClassVar

import pytest

from swreflect.records import FrozenRecord, FrozenRecordError, Record, field, replace

REQUIRED = object()
FACTORY = object()


def _f(name: str, default: Any = REQUIRED) -> tuple[str, Any]:
    return name, default


TIMES = ("created_at", "updated_at")
SPECS: dict[str, tuple[bool, list[tuple[str, Any]]]] = {
    "swreflect.models.journal.Wellbeing": (
        True, [_f("energy", None), _f("stress", None), _f("workload", None)],
    ),
    "swreflect.models.journal.EntryContent": (True, [
        _f("title", ""), _f("body", ""), _f("template_id", "free"), _f("answers", FACTORY),
        _f("tags", ()), _f("wellbeing", FACTORY),
    ]),
    "swreflect.models.journal.Entry": (
        True, [_f("id"), _f("content"), *map(_f, TIMES), _f("deleted_at", None)],
    ),
    "swreflect.models.journal.EntrySummary": (True, [
        _f("id"), _f("title"), _f("preview"), _f("template_id"), *map(_f, TIMES),
        _f("deleted_at", None),
    ]),
    "swreflect.models.journal.SearchHit": (
        True, [_f("id"), _f("title"), _f("snippet"), _f("template_id"), *map(_f, TIMES)],
    ),
    "swreflect.models.journal.JournalFilter": (True, [
        _f("tag", None), _f("template_id", None), _f("created_from", None),
        _f("created_before", None),
    ]),
    "swreflect.models.journal.Revision": (
        True, [_f("id"), _f("entry_id"), _f("content"), _f("saved_at")],
    ),
    "swreflect.models.journal.Draft": (
        True, [_f("slot"), _f("entry_id"), _f("content"), _f("saved_at")],
    ),
    "swreflect.models.journal.SupervisionMark": (
        True, [_f("id"), _f("entry_id"), _f("entry_title"), _f("excerpt"), _f("created_at")],
    ),
    "swreflect.models.file_types.FileType": (
        True, [_f("extension"), _f("mime"), _f("description"), _f("kind"), _f("magic", b"")],
    ),
    "swreflect.paths.AppPaths": (True, [_f("data_dir"), _f("config_dir"), _f("log_dir")]),
    "swreflect.platform.security_settings.Setting": (True, [
        _f("name"), _f("default"), _f("minimum"), _f("maximum"), _f("unit"),
        _f("user_can_change"), _f("why"),
    ]),
    "swreflect.core.vault_access.VaultCheck": (
        True, [_f("vault_id"), _f("schema_version"), _f("problems"), _f("settings")],
    ),
    "swreflect.core.journal.JournalRepositories": (False, [
        _f("entries"), _f("search"), _f("drafts"), _f("marks"), _f("never_record"),
        _f("search_upkeep", None),
    ]),
    "swreflect.vault.kdf.Argon2Params": (
        True, [_f("memory_kib"), _f("iterations"), _f("lanes")],
    ),
    "swreflect.vault.kdf.KdfPolicy": (True, [
        _f("memory_kib"), _f("lanes"), _f("target_seconds"), _f("fixed_iterations", None),
        _f("insecure", False),
    ]),
    "swreflect.vault.keyslots.Slot": (
        True, [_f("id"), _f("type"), _f("kdf"), _f("nonce"), _f("wrapped")],
    ),
    "swreflect.vault.keyslots.SlotState": (True, [_f("db_generation"), _f("mac")]),
    "swreflect.vault.keyslots.KeyslotFile": (False, [
        _f("vault_id"), _f("generation"), _f("slots", FACTORY), _f("state", None),
    ]),
    "swreflect.vault.wal_guard.WalReport": (
        True, [_f("frames"), _f("valid_frames"), _f("damaged")],
    ),
    "swreflect.vault.migrations.Migration": (
        True, [_f("version"), _f("name"), _f("upgrade"), _f("description", "")],
    ),
    "swreflect.models.unlock_progress.UnlockProgress": (
        True, [_f("stage"), _f("text"), _f("fraction", None), _f("step", 0), _f("steps", 0)],
    ),
}  # fmt: skip


def _class(dotted: str) -> type[Record]:
    module, _, name = dotted.rpartition(".")
    cls = getattr(importlib.import_module(module), name)
    assert issubclass(cls, Record)
    return cls


def _twin(cls: type, frozen: bool, fields: list[tuple[str, Any]]) -> type:
    """The dataclass ``cls`` was, rebuilt from its definition."""
    specs: list[Any] = []
    for name, default in fields:
        if default is REQUIRED:
            specs.append((name, Any))
        elif default is FACTORY:
            specs.append((name, Any, dataclasses.field(default_factory=dict)))
        else:
            specs.append((name, Any, dataclasses.field(default=default)))
    return dataclasses.make_dataclass(cls.__name__, specs, frozen=frozen)


def _samples(fields: list[tuple[str, Any]], seed: str) -> dict[str, Any]:
    """A distinct, hashable value for every field."""
    return {name: f"{seed}-{i}" for i, (name, _default) in enumerate(fields)}


@pytest.mark.parametrize("dotted", sorted(SPECS))
def test_each_record_keeps_its_dataclass_api(dotted: str) -> None:
    frozen, fields = SPECS[dotted]
    cls = _class(dotted)
    twin = _twin(cls, frozen, fields)
    assert issubclass(cls, FrozenRecord) == frozen
    # The constructor: the same fields, in order, with the same defaults.
    params = list(inspect.signature(cls).parameters.values())
    assert [p.name for p in params] == [name for name, _ in fields]
    assert cls._fields == tuple(name for name, _ in fields)
    for param, (name, default) in zip(params, fields, strict=True):
        if default is REQUIRED:
            assert param.default is inspect.Parameter.empty, name
        elif default is FACTORY:
            assert param.default is None, name  # None stands for "a fresh one"
        else:
            assert param.default == default and type(param.default) is type(default), name
    a, b = _samples(fields, "a"), _samples(fields, "b")
    ours, theirs = cls(**a), twin(**a)
    assert repr(ours) == repr(theirs)
    assert ours == cls(**a) and ours != cls(**b) and ours != theirs
    assert cls(**a) != object()
    # Positional construction works as the dataclass's did.
    assert cls(*a.values()) == ours
    if frozen:
        assert hash(ours) == hash(cls(**a)) == hash(tuple(a.values()))
        with pytest.raises(AttributeError):
            setattr(ours, fields[0][0], "changed")
        with pytest.raises(AttributeError):
            delattr(ours, fields[0][0])
        assert getattr(ours, fields[0][0]) == a[fields[0][0]]
    else:
        with pytest.raises(TypeError):
            hash(ours)
        setattr(ours, fields[0][0], "changed")
        assert getattr(ours, fields[0][0]) == "changed"
        setattr(ours, fields[0][0], a[fields[0][0]])
    # replace() and copies give equal records.
    first = fields[0][0]
    changed = replace(ours, **{first: "new"})
    assert changed == cls(**{**a, first: "new"}) and ours == cls(**a)
    with pytest.raises(TypeError):
        replace(ours, no_such_field=1)
    assert copy.copy(ours) == ours and copy.deepcopy(ours) == ours


WITH_FACTORY = sorted(d for d, (_, f) in SPECS.items() if FACTORY in dict(f).values())


@pytest.mark.parametrize("dotted", WITH_FACTORY)
def test_a_factory_default_is_fresh_for_every_record(dotted: str) -> None:
    _frozen, fields = SPECS[dotted]
    cls = _class(dotted)
    required = {name: f"x{i}" for i, (name, d) in enumerate(fields) if d is REQUIRED}
    one, two = cls(**required), cls(**required)
    for name, default in fields:
        if default is FACTORY:
            assert getattr(one, name) == getattr(two, name)
            assert getattr(one, name) is not getattr(two, name), name
    assert one == two


def test_entry_content_factories_match_the_old_defaults() -> None:
    from swreflect.models.journal import EntryContent, Wellbeing

    content = EntryContent()
    assert content.answers == {} and content.wellbeing == Wellbeing()
    assert content.with_(title="t") == EntryContent(title="t")


# The class machinery itself: fields from annotations, as ``@dataclass`` reads them.


class _Point(FrozenRecord):
    x: int
    y: int = 0
    tags: list[str] = field(default_factory=list)
    scale: ClassVar[int] = 10


class _Labelled(_Point):
    label: str = ""


class _Box(Record):
    items: dict[str, int] = field(default_factory=dict)
    note: str | None = None


def test_fields_come_from_annotations_in_order_without_classvars() -> None:
    assert _Point._fields == ("x", "y", "tags")
    assert _Labelled._fields == ("x", "y", "tags", "label")
    assert _Point.scale == 10 and _Point.y == 0 and "tags" not in _Point.__dict__
    assert _Labelled(1, 2, ["a"], "l") == _Labelled(x=1, y=2, tags=["a"], label="l")
    assert repr(_Labelled(1)) == "_Labelled(x=1, y=0, tags=[], label='')"
    assert _Point.__match_args__ == ("x", "y", "tags")


def test_constructor_errors_are_as_a_dataclass_gives_them() -> None:
    with pytest.raises(TypeError, match=r"missing 1 required argument\(s\): 'x'"):
        _Point()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match=r"missing.*'x'"):
        _Point(y=1)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'z'"):
        _Point(1, z=2)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'z'"):
        _Point(x=1, y=2, z=3)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'z'"):
        _Point(x=1, y=2, tags=[], z=3)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="multiple values for argument 'x'"):
        _Point(1, x=2)  # type: ignore[misc]
    with pytest.raises(TypeError, match="takes 3 positional arguments but 4 were given"):
        _Point(1, 2, [], 4)  # type: ignore[call-arg]
    assert _Point(1, tags=["t"]) == _Point(1, 0, ["t"]) == _Point(tags=["t"], x=1)


def test_factories_defaults_and_mutable_records() -> None:
    one, two = _Box(), _Box()
    assert one.items == {} and one.items is not two.items and one.note is None
    # None stands for a fresh one, as the old constructors had it (typed: not allowed)
    assert _Box(None).items == {}  # type: ignore[arg-type]
    one.note = "n"
    assert one == _Box({}, "n")
    with pytest.raises(FrozenRecordError):
        _Point(1).x = 2  # type: ignore[misc]


def test_bad_definitions_are_refused_at_class_creation() -> None:
    with pytest.raises(ValueError, match="mutable default"):

        class _Bad(Record):
            items: list[int] = []

    with pytest.raises(TypeError, match="non-default argument 'b' follows default argument"):

        class _Order(Record):
            a: int = 0
            b: int  # type: ignore[misc]

    with pytest.raises(TypeError, match="derives from FrozenRecord"):

        class _NotFrozen(Record, frozen=True):
            a: int


def test_post_init_and_own_init() -> None:
    class Clean(FrozenRecord):
        name: str

        def __post_init__(self) -> None:
            self.__dict__["name"] = self.name.strip()

    class Own(Record):
        a: int

        def __init__(self, text: str) -> None:
            self.a = int(text)

    assert Clean(" x ").name == "x"
    assert Own("3").a == 3 and Own("3") == Own("3")
    assert list(inspect.signature(Own).parameters) == ["text"]
    assert list(inspect.signature(_Labelled).parameters) == ["x", "y", "tags", "label"]
