"""The bundle's `dayinlife` command (PyInstaller runs a script, not `python -m`)."""

from dayinlife.cli import main

raise SystemExit(main())
