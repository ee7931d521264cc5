"""Generate the man page and shell completion from the CLI's own parser.

    python tools/cli_docs.py OUT_DIR   -> OUT_DIR/man/swreflect.1, OUT_DIR/completion/swreflect.bash

Both are derived from ``swreflect.cli.build_parser()`` at build time (no runtime dependency),
so a new command or option appears in them without anyone editing them. The bash script also
works in zsh after ``autoload -U bashcompinit && bashcompinit``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from swreflect.cli.docs import bash_completion, man_page


def main(out: Path) -> int:
    (out / "man").mkdir(parents=True, exist_ok=True)
    (out / "completion").mkdir(parents=True, exist_ok=True)
    (out / "man" / "swreflect.1").write_text(man_page(), encoding="utf-8")
    (out / "completion" / "swreflect.bash").write_text(bash_completion(), encoding="utf-8")
    print(f"man page and completion written under {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
