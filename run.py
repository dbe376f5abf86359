"""Start Day in My Life from a checkout: `python run.py` (see README.md)."""

from dayinlife.app import run

if __name__ == "__main__":
    raise SystemExit(run())
