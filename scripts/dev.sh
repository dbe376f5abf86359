#!/usr/bin/env bash
# Set up what Day in My Life needs on a Debian machine, then run the app or the tests.
#   bash scripts/dev.sh app [ARGS...]    start the app (python run.py ARGS...)
#   bash scripts/dev.sh test [ARGS...]   run the whole test suite (pytest ARGS...)
#   bash scripts/dev.sh bundle           build the one-folder app, dist/DayInMyLife/ (PyInstaller)
#   bash scripts/dev.sh lock [ARGS...]   rewrite scripts/requirements-lock.txt (uv pip compile ARGS...)
# The first run installs the Debian libraries Qt needs (when run as root) and a virtualenv in
# .venv, every package from scripts/requirements-lock.txt, checked against its hashes; later runs
# reinstall nothing unless setup.cfg, pyproject.toml or the lock file has changed.
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-}
shift || true
case "$what" in app|test|bundle|lock) ;; *) echo "usage: bash scripts/dev.sh app|test|bundle|lock [ARGS...]" >&2; exit 2;; esac

python=${PYTHON:-python3.11}
command -v "$python" >/dev/null 2>&1 || python=python3

if [ "$what" = lock ]; then
  # The lock file names every package the app, the tests and the bundle use, on Windows, macOS and
  # Linux (--universal), each at one version with the hashes of its files on PyPI. It is written
  # from setup.cfg (through pyproject.toml) and scripts/build-tools.in, keeping every version
  # already in it; to move one: bash scripts/dev.sh lock --upgrade-package PySide6==6.11.4
  # (or --upgrade for all), then bash scripts/dev.sh test, and commit the lock with the change.
  tool=build/lock-tool
  if [ ! -x "$tool/bin/uv" ]; then
    "$python" -m venv "$tool"
    "$tool/bin/python" -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
      -r scripts/lock-tool.txt
  fi
  exec "$tool/bin/uv" pip compile pyproject.toml scripts/build-tools.in --extra test --extra bundle \
    --universal --python-version 3.11 --generate-hashes --index-url https://pypi.org/simple \
    --custom-compile-command "bash scripts/dev.sh lock" -o scripts/requirements-lock.txt "$@"
fi

# Debian libraries for Qt (offscreen for tests, X11 under Xvfb or a desktop for the app).
debs=(libegl1 libgl1 libglib2.0-0 libxkbcommon0 libfontconfig1 libfreetype6 libx11-6 libdbus-1-3
      fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
      libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1
      libpulse0)
# libpulse0: Qt's text-to-speech (child mode's "Read it to me") loads QtMultimedia, which links it;
# without it the module cannot load at all. Speaking also needs an engine (on Debian,
# speech-dispatcher with espeak-ng) and a sound server; where there is none, read-aloud is hidden.
# For `test` only: LibreOffice and poppler, so the Word export is converted to PDF and its text
# checked (tests/test_report_cli.py fails, not skips, under CI=true without them), and the fonts
# metric-compatible with Word's Arial (the report's text: fonts-liberation), Calibri and Cambria (its
# headings), so pages lay out as they do in Word (without Liberation Sans, Arial falls back to the
# wider DejaVu Sans and a report runs to more pages than it does on a practitioner's laptop).
if [ "$what" = test ]; then
  debs+=(libreoffice-writer-nogui poppler-utils fonts-liberation fonts-crosextra-carlito fonts-crosextra-caladea
         xvfb x11-utils)
  # xvfb, x11-utils: tests/ui/test_child_mode_screen.py runs the app on a bare X server (no window
  # manager) and asks it (xwininfo) where child mode's window really is.
  debs+=(dbus-bin dbus-daemon at-spi2-core python3-pyatspi xdotool)
  # dbus-bin, dbus-daemon, at-spi2-core, python3-pyatspi: tests/ui/test_atspi.py starts a private
  # D-Bus session with the AT-SPI bus and registry (as a Linux desktop does for Orca), runs the app
  # on it and listens with a real AT-SPI client (pyatspi, run by Debian's /usr/bin/python3: the
  # virtualenv cannot import it) for what a screen reader is told. xdotool: on that bare X server
  # (no window manager) it gives the app's window the keyboard focus, as a desktop would.
fi
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for d in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$d" 2>/dev/null | grep -q "install ok installed" || missing+=("$d")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "Installing Debian packages: ${missing[*]}" >&2
      DEBIAN_FRONTEND=noninteractive apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "Install these Debian packages as root: ${missing[*]}" >&2
    fi
  fi
fi

# The virtualenv, reinstalled only when the declared dependencies change.
stamp=.venv/.installed
want=$(cat setup.cfg pyproject.toml scripts/requirements-lock.txt | sha256sum | cut -d' ' -f1)
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "Setting up .venv (first run or changed dependencies)..." >&2
  [ -x .venv/bin/python ] || "$python" -m venv .venv
  # Every package, the build tools too, from the lock file: the versions the suite last passed
  # with, each file checked against the hashes recorded there (pip refuses any other file). Then
  # the project itself, built with the locked setuptools and nothing more fetched.
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps \
    -r scripts/requirements-lock.txt
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
  echo "$want" > "$stamp"
fi

if [ "$what" = app ]; then
  exec .venv/bin/python run.py "$@"
elif [ "$what" = bundle ]; then
  # dist/DayInMyLife/: DayInMyLife (the app) and dayinlife (the command line), with Python, Qt,
  # SQLCipher, the templates, forms and resources inside; it runs with no checkout and no virtualenv.
  exec .venv/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/bundle \
    scripts/bundle/dayinlife.spec "$@"
else
  exec .venv/bin/python -m pytest "$@"
fi
