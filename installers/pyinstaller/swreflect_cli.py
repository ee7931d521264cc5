"""Bundle entry point for the console executable ``swreflect`` (CLI; no arguments: window)."""

from swreflect.app import main

raise SystemExit(main())
