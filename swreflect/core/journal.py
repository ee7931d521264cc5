"""The private journal's use cases: write, revise, search, trash, purge, draft and mark.

Every write is one ``transaction()``: an entry, its tags, its previous version and its search
rows change together or not at all. Timestamps come from the injected clock. The journal is
private: nothing here ever moves text into a shared record; "bring to supervision" only keeps
an excerpt the user chose, listed for them by ``marked_excerpts()``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from swreflect.core.clock import Clock
from swreflect.errors import JournalEntryNotFoundError, JournalInputError
from swreflect.models.journal import (
    WELLBEING_SCALES,
    Draft,
    Entry,
    EntryContent,
    EntrySummary,
    JournalFilter,
    Revision,
    SearchHit,
    SupervisionMark,
)
from swreflect.records import Record

if TYPE_CHECKING:  # loaded when first used: ``journal list`` needs neither (issue 16)
    from swreflect.core.deidentify import Finding
    from swreflect.core.templates import TemplateLibrary

MAX_TITLE = 300
MAX_TEXT = 1_000_000
MAX_TAGS = 20
MAX_TAG = 40
MAX_EXCERPT = 2000
NEW_DRAFT = "new"


class JournalRepositories(Record):
    entries: Any
    search: Any
    drafts: Any
    marks: Any
    never_record: Any
    search_upkeep: Any = None


def draft_slot(entry_id: int | None) -> str:
    """One draft per entry, and one for an entry not yet saved."""
    return NEW_DRAFT if entry_id is None else f"entry:{entry_id}"


def normalise_tags(tags: Any) -> tuple[str, ...]:
    out: list[str] = []
    for raw in tags:
        tag = " ".join(str(raw).split()).strip(" #,").lower()
        if tag and tag not in out:
            out.append(tag)
    if len(out) > MAX_TAGS or any(len(t) > MAX_TAG for t in out):
        raise JournalInputError(
            f"Please use at most {MAX_TAGS} tags of up to {MAX_TAG} characters. Nothing was saved."
        )
    return tuple(out)


def clean_content(content: EntryContent) -> EntryContent:
    if len(content.title) > MAX_TITLE:
        raise JournalInputError(
            f"Titles can be up to {MAX_TITLE} characters. Nothing was saved; please shorten it."
        )
    texts = [content.body, *content.answers.values()]
    if sum(len(t) for t in texts) > MAX_TEXT:
        raise JournalInputError("That entry is too long to save. Nothing was saved.")
    for scale in WELLBEING_SCALES:
        value = getattr(content.wellbeing, scale)
        if value is not None and not 1 <= value <= 5:
            raise JournalInputError(f"The {scale} check-in runs from 1 to 5. Nothing was saved.")
    answers = {k: v for k, v in content.answers.items() if v.strip()}
    return content.with_(
        title=content.title.strip(), answers=answers, tags=normalise_tags(content.tags)
    )


class JournalService:
    def __init__(
        self,
        repos: JournalRepositories,
        transaction: Callable[[], contextlib.AbstractContextManager[Any]],
        clock: Clock,
        templates: TemplateLibrary | Callable[[], TemplateLibrary],
    ) -> None:
        """``templates`` is the library, or a function that loads it when first needed (the
        bundled files are parsed only by a command or page that shows a template)."""
        self._r = repos
        self._transaction = transaction
        self._clock = clock
        self._templates = templates
        self._purged_listeners: list[Callable[[list[int]], None]] = []

    @property
    def templates(self) -> TemplateLibrary:
        if callable(self._templates):
            self._templates = self._templates()
        return self._templates

    def on_purged(self, listener: Callable[[list[int]], None]) -> None:
        """Call ``listener`` with the ids of entries deleted for good (after the vault scrub),
        so copies such as automatic backups can forget them too."""
        self._purged_listeners.append(listener)

    def _announce_purged(self, entry_ids: list[int]) -> None:
        for listener in self._purged_listeners:
            listener(entry_ids)

    @contextlib.contextmanager
    def _tx(self) -> Iterator[None]:
        with self._transaction():
            yield

    # ------------------------------------------------------------ entries
    def create(self, content: EntryContent, *, draft: str | None = None) -> Entry:
        """Save a new entry; ``draft`` names the autosave slot to clear in the same step."""
        content = clean_content(content)
        with self._tx():
            entry_id = self._r.entries.insert(content, self._clock.now())
            if draft:
                self._r.drafts.delete(draft)
        return self.get(entry_id)

    def update(self, entry_id: int, content: EntryContent, *, draft: str | None = None) -> Entry:
        """Save changes; the previous version becomes a revision. Unchanged content is a no-op."""
        content = clean_content(content)
        with self._tx():
            current = self._require(entry_id)
            if current.content != content:
                self._r.entries.update(entry_id, content, self._clock.now())
            if draft:
                self._r.drafts.delete(draft)
        return self.get(entry_id)

    def get(self, entry_id: int) -> Entry:
        return self._require(entry_id)

    def _require(self, entry_id: int) -> Entry:
        entry = self._r.entries.get(int(entry_id))
        if entry is None:
            raise JournalEntryNotFoundError()
        return entry

    def list_entries(
        self, offset: int = 0, limit: int = 50, flt: JournalFilter | None = None
    ) -> list[EntrySummary]:
        return list(self._r.entries.summaries(offset, limit, flt))

    def count_entries(self, flt: JournalFilter | None = None) -> int:
        return int(self._r.entries.count(flt))

    def tags(self) -> list[str]:
        return list(self._r.entries.tags())

    # ------------------------------------------------------------ search
    def search(
        self, text: str, flt: JournalFilter | None = None, limit: int = 50, offset: int = 0
    ) -> list[SearchHit]:
        """Best matches first. Any text is safe: it is reduced to words and quoted phrases."""
        return list(self._r.search.search(text, flt, limit, offset))

    def tidy_search_index(self, versions: int = 1) -> int:
        """Idle-time upkeep, one small slice: securely remove up to ``versions`` edited-away
        versions from the search index (saves leave them for later; searches already skip
        them), or when none is left, merge a few pages of index segments. Returns how many
        slices of work are still waiting (0 when the index is tidy)."""
        upkeep = self._r.search_upkeep
        if upkeep is None:
            return 0
        with self._tx():
            return int(upkeep.slice(versions))

    # ------------------------------------------------------------ trash
    def trash(self, entry_id: int) -> None:
        with self._tx():
            entry = self._require(entry_id)
            if not entry.in_trash:
                self._r.entries.set_trashed(entry_id, self._clock.now())

    def restore(self, entry_id: int) -> Entry:
        with self._tx():
            entry = self._require(entry_id)
            if entry.in_trash:
                self._r.entries.set_trashed(entry_id, None)
        return self.get(entry_id)

    def list_trash(self, offset: int = 0, limit: int = 50) -> list[EntrySummary]:
        return list(self._r.entries.summaries(offset, limit, None, trashed=True))

    def count_trash(self) -> int:
        return int(self._r.entries.count(None, trashed=True))

    def purge(self, entry_id: int) -> None:
        """Delete for good: the entry, its revisions, drafts, marks and search rows.

        Afterwards the write-ahead log is checkpointed and truncated so the text can't be read
        back from any vault file, even with the key."""
        with self._tx():
            self._require(entry_id)
            self._r.entries.purge(entry_id)
        self._r.entries.scrub()
        self._announce_purged([entry_id])

    def empty_trash(self) -> int:
        ids = list(self._r.entries.trashed_ids())
        with self._tx():
            for entry_id in ids:
                self._r.entries.purge(entry_id)
        self._r.entries.scrub()
        if ids:
            self._announce_purged(ids)
        return len(ids)

    # ------------------------------------------------------------ revisions
    def revisions(self, entry_id: int) -> list[Revision]:
        self._require(entry_id)
        return list(self._r.entries.revisions(entry_id))

    def restore_revision(self, entry_id: int, revision_id: int) -> Entry:
        """Bring back an earlier version; what was current becomes a revision itself."""
        revision = self._r.entries.revision(revision_id)
        if revision is None or revision.entry_id != entry_id:
            raise JournalEntryNotFoundError(
                "That earlier version wasn't found. Nothing was changed."
            )
        return self.update(entry_id, revision.content)

    # ------------------------------------------------------------ drafts
    def save_draft(self, entry_id: int | None, content: EntryContent) -> Draft:
        """Autosave: cheap, overwrites the one draft for this entry (or for a new entry)."""
        slot = draft_slot(entry_id)
        now = self._clock.now()
        with self._tx():
            if entry_id is not None:
                self._require(entry_id)
            self._r.drafts.put(slot, entry_id, content, now)
        return Draft(slot, entry_id, content, now)

    def draft(self, entry_id: int | None) -> Draft | None:
        draft: Draft | None = self._r.drafts.get(draft_slot(entry_id))
        return draft

    def drafts(self) -> list[Draft]:
        return list(self._r.drafts.all())

    def discard_draft(self, slot: str) -> None:
        with self._tx():
            self._r.drafts.delete(slot)

    # ------------------------------------------------------------ supervision
    def mark_for_supervision(self, entry_id: int, excerpt: str) -> SupervisionMark:
        text = excerpt.strip()
        if not text:
            raise JournalInputError("Choose some text to bring to supervision first.")
        if len(text) > MAX_EXCERPT:
            raise JournalInputError(
                f"Please choose a shorter excerpt (up to {MAX_EXCERPT} characters)."
            )
        with self._tx():
            self._require(entry_id)
            mark_id = self._r.marks.add(entry_id, text, self._clock.now())
        return next(m for m in self.marked_excerpts() if m.id == mark_id)

    def marked_excerpts(self) -> list[SupervisionMark]:
        """Excerpts chosen for the next supervision session, oldest first."""
        return list(self._r.marks.open_marks())

    def mark_discussed(self, mark_id: int) -> None:
        with self._tx():
            self._r.marks.set_discussed(mark_id, self._clock.now())

    def remove_mark(self, mark_id: int) -> None:
        with self._tx():
            self._r.marks.delete(mark_id)

    # ------------------------------------------------------------ de-identification
    def never_record(self) -> dict[str, str]:
        """The user's never-record names, each with its fixed pseudonym."""
        return dict(self._r.never_record.all())

    def add_never_record(self, name: str) -> str:
        name = " ".join(name.split())
        if not name:
            raise JournalInputError("Type the name you'd like flagged first.")
        with self._tx():
            existing = self._r.never_record.all()
            for known, pseudonym in existing.items():
                if known.lower() == name.lower():
                    return str(pseudonym)
            from swreflect.core.deidentify import next_pseudonym

            pseudonym = next_pseudonym(name, existing.values())
            self._r.never_record.add(name, pseudonym)
        return pseudonym

    def remove_never_record(self, name: str) -> None:
        with self._tx():
            self._r.never_record.remove(name)

    def check_text(self, text: str, names: dict[str, str] | None = None) -> list[Finding]:
        from swreflect.core.deidentify import find_identifiers

        return find_identifiers(text, (names if names is not None else self.never_record()).keys())

    def swap_for_pseudonyms(self, text: str, names: dict[str, str] | None = None) -> str:
        from swreflect.core.deidentify import find_identifiers, pseudonymise

        names = names if names is not None else self.never_record()
        return pseudonymise(text, find_identifiers(text, names.keys()), names)
