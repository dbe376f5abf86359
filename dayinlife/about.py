"""What the About box says: the version, and the licences of what the app carries."""

from __future__ import annotations

from importlib import metadata

from . import __version__

# (distribution, what it does here, its licence): the components a bundle carries
COMPONENTS = (
    ("PySide6", "Qt for Python: the windows", "LGPL-3.0 (Qt and PySide6)"),
    ("sqlcipher3", "SQLCipher: the encrypted store", "BSD-style (SQLCipher), zlib (sqlcipher3)"),
    ("cryptography", "Argon2id and AES-GCM: keys, case files, backups", "Apache-2.0 or BSD-3-Clause"),
    ("python-docx", "writing the Word report", "MIT"),
    ("lxml", "reading and writing the report's XML", "BSD-3-Clause"),
    ("Jinja2", "the templates' wording", "BSD-3-Clause"),
    ("Pillow", "the picture of the day", "MIT-CMU (HPND)"),
    ("filelock", "one process at a time on a store", "Unlicense"),
    ("platformdirs", "the folder for each user's data", "MIT"),
)


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "bundled"


def about_text() -> str:
    """Plain text, one component a line: for the About box and `dayinlife --version --verbose`."""
    lines = [f"Day in My Life {__version__}",
             "The day in the life of the child: a guided interview, set side by side and written up.",
             "Everything stays on this computer; nothing is sent anywhere.", "",
             "It carries, each under its own licence:"]
    lines += [f"• {name} {_version(name)}: {what}. Licence: {licence}." for name, what, licence in COMPONENTS]
    lines += ["", "Python itself is under the Python Software Foundation licence.",
              "Qt's and PySide6's libraries are separate files in the app's folder (never built into one "
              "program), so they can be replaced by the same or a later compatible version, as the LGPL asks. "
              "Their source is at https://download.qt.io and https://code.qt.io."]
    return "\n".join(lines)
