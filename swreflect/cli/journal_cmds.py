"""Journal commands: add, list, show, search, delete (to the Trash or for good), restore,
revisions, supervision marks and the never-record list."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from swreflect.cli.context import CliContext
from swreflect.cli.output import json_flag, out_list
from swreflect.errors import EXIT_OK, UsageError
from swreflect.models.journal import HIT_END, HIT_START, EntryContent, JournalFilter
from swreflect.timefmt import format_local_day, format_stamp


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    from swreflect.cli import command_group

    group: Any = command_group(subparsers, common, "journal", "your private journal")

    p = group.add_parser("add", parents=[common], help="write a new entry")
    p.add_argument("title", help="the entry's title")
    body = p.add_mutually_exclusive_group()
    body.add_argument("--body", help="the text of the entry")
    body.add_argument("--body-file", metavar="FILE", help="read the text from FILE")
    p.add_argument("--tag", action="append", default=[], help="a tag (repeat for more)")
    p.add_argument("--template", default="free", help="template id (default: free)")
    json_flag(p)
    p.set_defaults(func=cmd_add)

    p = group.add_parser("edit", parents=[common], help="change an entry (it keeps a revision)")
    p.add_argument("id", type=int)
    p.add_argument("--title", help="a new title")
    body = p.add_mutually_exclusive_group()
    body.add_argument("--body", help="new text for the entry")
    body.add_argument("--body-file", metavar="FILE", help="read the new text from FILE")
    tags = p.add_mutually_exclusive_group()
    tags.add_argument("--tag", action="append", help="replace the tags (repeat for more)")
    tags.add_argument("--clear-tags", action="store_true", help="remove every tag")
    json_flag(p)
    p.set_defaults(func=cmd_edit)

    p = group.add_parser("list", parents=[common], help="list entries, newest first")
    p.add_argument("--limit", type=int, default=50, help="how many (default 50)")
    p.add_argument("--tag", help="only entries with this tag")
    p.add_argument("--trash", action="store_true", help="list the Trash instead")
    _date_options(p)
    json_flag(p)
    p.set_defaults(func=cmd_list)

    p = group.add_parser("show", parents=[common], help="show one entry")
    p.add_argument("id", type=int)
    json_flag(p)
    p.set_defaults(func=cmd_show)

    p = group.add_parser("search", parents=[common], help="search titles, text, answers, tags")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20, help="how many (default 20)")
    p.add_argument("--tag", help="only entries with this tag")
    p.add_argument("--template", help="only entries written with this template")
    _date_options(p)
    json_flag(p)
    p.set_defaults(func=cmd_search)

    p = group.add_parser("delete", parents=[common], help="move an entry to the Trash")
    p.add_argument("id", type=int)
    p.add_argument("--purge", action="store_true", help="delete it for good; this can't be undone")
    p.set_defaults(func=cmd_delete)

    p = group.add_parser("restore", parents=[common], help="bring an entry back from the Trash")
    p.add_argument("id", type=int)
    p.set_defaults(func=cmd_restore)

    p = group.add_parser("revisions", parents=[common], help="list earlier versions of an entry")
    p.add_argument("id", type=int)
    p.add_argument("--restore", type=int, metavar="REVISION", help="bring back this version")
    json_flag(p)
    p.set_defaults(func=cmd_revisions)

    p = group.add_parser("mark", parents=[common], help="bring an excerpt to supervision")
    p.add_argument("id", type=int)
    p.add_argument("excerpt", help="the words you'd like to bring")
    p.set_defaults(func=cmd_mark)

    p = group.add_parser("marks", parents=[common], help="excerpts marked for supervision")
    json_flag(p)
    p.set_defaults(func=cmd_marks)

    p = group.add_parser(
        "never-record", parents=[common], help="names you never want kept in your journal"
    )
    p.add_argument("--add", metavar="NAME", help="add a name (it gets a pseudonym)")
    p.add_argument("--remove", metavar="NAME", help="remove a name")
    json_flag(p)
    p.set_defaults(func=cmd_never_record)


def _date_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="written on or after")
    p.add_argument("--before", metavar="YYYY-MM-DD", help="written before this day")


def _day(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError as exc:
        raise UsageError(f"'{text}' isn't a date like 2026-03-01.") from exc


def _filter(args: argparse.Namespace) -> JournalFilter | None:
    flt = JournalFilter(
        tag=getattr(args, "tag", None),
        template_id=getattr(args, "template", None),
        created_from=_day(getattr(args, "date_from", None)),
        created_before=_day(getattr(args, "before", None)),
    )
    return None if flt == JournalFilter() else flt


def _read_body(args: argparse.Namespace) -> str:
    if args.body is not None:
        return str(args.body)
    if args.body_file:
        try:
            return Path(args.body_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(
                f"Couldn't read {args.body_file} as UTF-8 text. Nothing was saved."
            ) from exc
    if sys.stdin is not None and not sys.stdin.isatty():
        raw = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
        if isinstance(raw, str):
            return raw
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:  # D9: a clear message, never "unexpected error"
            raise UsageError("The text on standard input isn't UTF-8. Nothing was saved.") from exc
    return ""


def _plain_snippet(text: str) -> str:
    return " ".join(text.replace(HIT_START, "[").replace(HIT_END, "]").split())


def _tidy_search_index(journal: Any, budget_s: float = 0.1) -> None:
    """The app keeps the search index tidy in idle time (``JournalService.tidy_search_index``:
    edited-away versions, then segment merging, which saving leaves for later); a command has
    no idle time, so after writing it spends a few slices (at least one) on the same work."""
    deadline = time.monotonic() + budget_s
    while journal.tidy_search_index() and time.monotonic() < deadline:
        pass


def cmd_add(ctx: CliContext) -> int:
    args = ctx.args
    body = _read_body(args)
    journal = ctx.unlock().journal
    if not journal.templates.has(args.template):
        known = ", ".join(t.id for t in journal.templates.ordered())
        raise UsageError(f"There's no template called '{args.template}'. Try one of: {known}.")
    entry = journal.create(
        EntryContent(title=args.title, body=body, template_id=args.template, tags=tuple(args.tag))
    )
    _tidy_search_index(journal)
    if ctx.wants_json:
        ctx.out_json(entry.as_dict())
    else:
        ctx.out(f"Saved entry {entry.id} to your journal.")
    return EXIT_OK


def cmd_edit(ctx: CliContext) -> int:
    """The same ``JournalService.update`` as the GUI's editor: the old text becomes a
    revision, unchanged content saves nothing, and only the parts named here change."""
    args = ctx.args
    changes: dict[str, Any] = {}
    if args.title is not None:
        changes["title"] = args.title
    if args.body is not None or args.body_file:
        changes["body"] = _read_body(args)
    if args.tag is not None or args.clear_tags:
        changes["tags"] = tuple(args.tag or ())
    if not changes:
        raise UsageError("Say what to change: --title, --body, --body-file, --tag or --clear-tags.")
    journal = ctx.unlock().journal
    before = journal.get(args.id)
    entry = journal.update(args.id, before.content.with_(**changes))
    _tidy_search_index(journal)
    if ctx.wants_json:
        ctx.out_json(entry.as_dict())
    elif entry.content == before.content:
        ctx.out(f"Entry {entry.id} already says that; nothing was changed.")
    else:
        ctx.out(f"Saved entry {entry.id}; the earlier version is kept in its revisions.")
    return EXIT_OK


def cmd_list(ctx: CliContext) -> int:
    args = ctx.args
    journal = ctx.unlock().journal
    limit = max(1, min(int(args.limit), 10_000))
    if args.trash:
        rows = journal.list_trash(0, limit)
    else:
        rows = journal.list_entries(0, limit, _filter(args))
    return out_list(
        ctx,
        rows,
        as_json=lambda r: r.as_dict(),
        empty="The Trash is empty." if args.trash else "Your journal has no entries yet.",
        line=lambda r: f"{r.id:>6}  {format_stamp(r.created_at)}  {r.title or '(untitled)'}",
    )


def cmd_show(ctx: CliContext) -> int:
    journal = ctx.unlock().journal
    entry = journal.get(ctx.args.id)
    if ctx.wants_json:
        ctx.out_json(entry.as_dict())
        return EXIT_OK
    template = journal.templates.get(entry.content.template_id)
    ctx.out(entry.title or "(untitled)")
    ctx.out(
        f"Written {format_stamp(entry.created_at)}, last changed {format_stamp(entry.updated_at)}"
    )
    if entry.in_trash:
        ctx.out("This entry is in the Trash.")
    if entry.content.tags:
        ctx.out("Tags: " + ", ".join(entry.content.tags))
    for prompt in template.prompts:
        answer = entry.content.answers.get(prompt.id)
        if answer:
            ctx.out("")
            ctx.out(f"{prompt.label}")
            ctx.out(answer)
    if entry.content.body:
        ctx.out("")
        ctx.out(entry.content.body)
    return EXIT_OK


def cmd_search(ctx: CliContext) -> int:
    args = ctx.args
    journal = ctx.unlock().journal
    hits = journal.search(args.query, _filter(args), limit=max(1, min(int(args.limit), 1000)))
    return out_list(
        ctx,
        hits,
        as_json=lambda h: {**h.as_dict(), "snippet": _plain_snippet(h.snippet)},
        empty="Nothing in your journal matches that.",
        line=lambda h: (
            f"{h.id:>6}  {format_local_day(h.created_at)}  {h.title or '(untitled)'}\n"
            f"        {_plain_snippet(h.snippet)}"
        ),
    )


def cmd_delete(ctx: CliContext) -> int:
    journal = ctx.unlock().journal
    ctx.result(id=ctx.args.id, purged=bool(ctx.args.purge))
    if ctx.args.purge:
        journal.purge(ctx.args.id)
        ctx.out(f"Entry {ctx.args.id} was deleted for good.")
    else:
        journal.trash(ctx.args.id)
        ctx.out(
            f"Entry {ctx.args.id} is in the Trash. 'journal restore {ctx.args.id}' brings it back."
        )
    return EXIT_OK


def cmd_restore(ctx: CliContext) -> int:
    journal = ctx.unlock().journal
    entry = journal.restore(ctx.args.id)
    ctx.result(id=entry.id)
    ctx.out(f"Entry {entry.id} is back in your journal.")
    return EXIT_OK


def cmd_revisions(ctx: CliContext) -> int:
    journal = ctx.unlock().journal
    if ctx.args.restore is not None:
        entry = journal.restore_revision(ctx.args.id, ctx.args.restore)
        ctx.out(f"Entry {entry.id} is back to that version. The one before is kept too.")
        return EXIT_OK
    return out_list(
        ctx,
        journal.revisions(ctx.args.id),
        as_json=lambda r: {"id": r.id, "saved_at": r.saved_at.isoformat(), **r.content.as_dict()},
        empty="This entry has no earlier versions yet.",
        line=lambda r: f"{r.id:>6}  {format_stamp(r.saved_at)}  {r.content.title or '(untitled)'}",
    )


def cmd_mark(ctx: CliContext) -> int:
    mark = ctx.unlock().journal.mark_for_supervision(ctx.args.id, ctx.args.excerpt)
    ctx.result(id=mark.id, entry=ctx.args.id)
    ctx.out(f"Marked for your next supervision (mark {mark.id}).")
    return EXIT_OK


def cmd_marks(ctx: CliContext) -> int:
    return out_list(
        ctx,
        ctx.unlock().journal.marked_excerpts(),
        as_json=lambda m: m.as_dict(),
        empty="Nothing is marked for supervision yet.",
        line=lambda m: f"{m.id:>6}  from '{m.entry_title or '(untitled)'}': {m.excerpt}",
    )


def cmd_never_record(ctx: CliContext) -> int:
    journal = ctx.unlock().journal
    if ctx.args.add:
        pseudonym = journal.add_never_record(ctx.args.add)
        ctx.out(f"Added. It will be flagged, with '{pseudonym}' offered instead.")
        return EXIT_OK
    if ctx.args.remove:
        journal.remove_never_record(ctx.args.remove)
        ctx.out("Removed from your never-record list.")
        return EXIT_OK
    return out_list(
        ctx,
        list(journal.never_record().items()),
        as_json=lambda pair: {"name": pair[0], "pseudonym": pair[1]},
        empty="Your never-record list is empty.",
        line=lambda pair: f"{pair[0]}  ->  {pair[1]}",
    )
