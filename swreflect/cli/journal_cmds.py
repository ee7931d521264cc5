"""Journal commands: add, list, show, search, delete (to the Trash or for good), restore."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from swreflect.cli.context import CliContext
from swreflect.core.journal_models import HIT_END, HIT_START, EntryContent, JournalFilter
from swreflect.errors import EXIT_OK, UsageError


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
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_add)

    p = group.add_parser("list", parents=[common], help="list entries, newest first")
    p.add_argument("--limit", type=int, default=50, help="how many (default 50)")
    p.add_argument("--tag", help="only entries with this tag")
    p.add_argument("--trash", action="store_true", help="list the Trash instead")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_list)

    p = group.add_parser("show", parents=[common], help="show one entry")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_show)

    p = group.add_parser("search", parents=[common], help="search titles, text, answers, tags")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20, help="how many (default 20)")
    p.add_argument("--tag", help="only entries with this tag")
    p.add_argument("--template", help="only entries written with this template")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_search)

    p = group.add_parser("delete", parents=[common], help="move an entry to the Trash")
    p.add_argument("id", type=int)
    p.add_argument("--purge", action="store_true", help="delete it for good; this can't be undone")
    p.set_defaults(func=cmd_delete)

    p = group.add_parser("restore", parents=[common], help="bring an entry back from the Trash")
    p.add_argument("id", type=int)
    p.set_defaults(func=cmd_restore)


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
        return sys.stdin.read()
    return ""


def _plain_snippet(text: str) -> str:
    return " ".join(text.replace(HIT_START, "[").replace(HIT_END, "]").split())


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
    if ctx.wants_json:
        ctx.out_json(entry.as_dict())
    else:
        ctx.out(f"Saved entry {entry.id} to your journal.")
    return EXIT_OK


def cmd_list(ctx: CliContext) -> int:
    args = ctx.args
    journal = ctx.unlock().journal
    limit = max(1, min(int(args.limit), 10_000))
    if args.trash:
        rows = journal.list_trash(0, limit)
    else:
        rows = journal.list_entries(0, limit, JournalFilter(tag=args.tag) if args.tag else None)
    if ctx.wants_json:
        ctx.out_json([r.as_dict() for r in rows])
        return EXIT_OK
    if not rows:
        ctx.out("The Trash is empty." if args.trash else "Your journal has no entries yet.")
    for r in rows:
        ctx.out(f"{r.id:>6}  {r.created_at:%Y-%m-%d %H:%M}  {r.title or '(untitled)'}")
    return EXIT_OK


def cmd_show(ctx: CliContext) -> int:
    journal = ctx.unlock().journal
    entry = journal.get(ctx.args.id)
    if ctx.wants_json:
        ctx.out_json(entry.as_dict())
        return EXIT_OK
    template = journal.templates.get(entry.content.template_id)
    ctx.out(entry.title or "(untitled)")
    ctx.out(
        f"Written {entry.created_at:%Y-%m-%d %H:%M}, last changed {entry.updated_at:%Y-%m-%d %H:%M}"
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
    flt = JournalFilter(tag=args.tag, template_id=args.template)
    hits = journal.search(args.query, flt, limit=max(1, min(int(args.limit), 1000)))
    if ctx.wants_json:
        ctx.out_json([{**h.as_dict(), "snippet": _plain_snippet(h.snippet)} for h in hits])
        return EXIT_OK
    if not hits:
        ctx.out("Nothing in your journal matches that.")
    for h in hits:
        ctx.out(f"{h.id:>6}  {h.created_at:%Y-%m-%d}  {h.title or '(untitled)'}")
        ctx.out(f"        {_plain_snippet(h.snippet)}")
    return EXIT_OK


def cmd_delete(ctx: CliContext) -> int:
    journal = ctx.unlock().journal
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
    ctx.out(f"Entry {entry.id} is back in your journal.")
    return EXIT_OK
