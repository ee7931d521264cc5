"""The man page and bash completion, generated from the parser (see ``tools/cli_docs.py``).

Walking the argparse tree keeps them true to the commands that exist; the tests check every
command appears in both and that the completion script completes in a real bash.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from datetime import date

from swreflect import __version__

Path_ = tuple[str, ...]


def build() -> argparse.ArgumentParser:
    from swreflect.cli import build_parser

    return build_parser()


def walk(
    parser: argparse.ArgumentParser, path: Path_ = ()
) -> Iterator[tuple[Path_, argparse.ArgumentParser]]:
    """Every parser in the tree with its command path, parents before children."""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from walk(child, (*path, name))


def _children(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def _options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if a.option_strings and a.help != argparse.SUPPRESS]


def _helps(parser: argparse.ArgumentParser) -> dict[str, str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return {c.dest: c.help or "" for c in action._choices_actions}
    return {}


def _roff(text: str) -> str:
    return text.replace("\\", "\\\\").replace("-", "\\-").replace("'", "\\(aq")


def man_page() -> str:
    root = build()
    lines = [
        f'.TH SWREFLECT 1 "{date.today().isoformat()}" "swreflect {__version__}" "User Commands"',
        ".SH NAME",
        "swreflect \\- " + _roff(root.description or ""),
        ".SH SYNOPSIS",
        ".B swreflect",
        "[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIACTION\\fR] [\\fIARGUMENTS\\fR]",
        ".br",
        ".B swreflect-gui",
        "[\\fIFILE\\fR...]",
        ".SH DESCRIPTION",
        "With no command, \\fBswreflect\\fR opens its window. Every command takes the options",
        "below before or after its name; the passphrase comes from \\fBSWREFLECT_PASSPHRASE\\fR,",
        "\\fB\\-\\-passphrase\\-file\\fR, or a prompt that does not echo.",
        ".SH COMMANDS",
    ]
    helps: dict[Path_, str] = {}
    for path, parser in walk(root):
        for name, text in _helps(parser).items():
            helps[(*path, name)] = text
    for path, parser in walk(root):
        if not path or _children(parser):
            continue
        lines.append(f'.SS "swreflect {" ".join(path)}"')
        lines.append(_roff(helps.get(path, "")))
        positionals = [a for a in parser._actions if not a.option_strings and a.help]
        for action in positionals:
            label = action.metavar if isinstance(action.metavar, str) else action.dest
            lines += [".TP", f"\\fI{_roff(label).upper()}\\fR"]
            lines.append(_roff(action.help or ""))
        for action in _options(parser):
            if action.dest in ("help", "vault", "passphrase_file", "debug"):
                continue
            lines += [".TP", "\\fB" + _roff(", ".join(action.option_strings)) + "\\fR"]
            lines.append(_roff(action.help or ""))
    lines.append(".SH OPTIONS")
    for action in _options(root):
        lines += [".TP", "\\fB" + _roff(", ".join(action.option_strings)) + "\\fR"]
        lines.append(_roff(action.help or ""))
    lines += [
        ".SH EXIT STATUS",
        "0 ok, 1 error, 2 usage, 3 wrong passphrase or recovery key, 4 vault damaged,",
        "5 vault in use, 6 verification failed, 141 output closed early (for example by head).",
        ".SH ENVIRONMENT",
        ".TP",
        ".B SWREFLECT_HOME",
        "Keep the vault, settings and logs under this one folder.",
        ".TP",
        ".B SWREFLECT_PASSPHRASE",
        "The vault passphrase, for scripts.",
        ".SH FILES",
        "The vault lives in ~/.local/share/swreflect/vault (Linux),",
        "~/Library/Application Support/swreflect/vault (macOS) or",
        "%LOCALAPPDATA%\\\\swreflect\\\\data\\\\vault (Windows).",
    ]
    return "\n".join(lines) + "\n"


def bash_completion() -> str:
    root = build()
    cases: list[str] = []
    known: list[str] = []
    for path, parser in walk(root):
        words = _children(parser) + [s for a in _options(parser) for s in a.option_strings]
        key = " ".join(path)
        if path:
            known.append(key)
        cases.append(f'    "{key}") words="{" ".join(words)}" ;;')
    return "\n".join(
        [
            "# bash completion for swreflect (generated from its parser; do not edit)",
            "_swreflect() {",
            '    local cur="${COMP_WORDS[COMP_CWORD]}" path="" word i words=""',
            "    for ((i = 1; i < COMP_CWORD; i++)); do",
            '        word="${COMP_WORDS[i]}"',
            '        [[ "$word" == -* ]] && continue',
            '        case "${path:+$path }$word" in',
            "            " + "|".join(f'"{k}"' for k in known) + ') path="${path:+$path }$word" ;;',
            "        esac",
            "    done",
            '    case "$path" in',
            *cases,
            "    esac",
            '    COMPREPLY=($(compgen -W "$words" -- "$cur"))',
            "}",
            "complete -o default -F _swreflect swreflect",
            "",
        ]
    )
