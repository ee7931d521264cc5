"""Bundle entry point for the windowed executable ``swreflect-gui`` (arguments: files to open)."""

from swreflect.app import gui_main

raise SystemExit(gui_main())
