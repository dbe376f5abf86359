"""The store's schema, as numbered steps. Step N brings a store from version N-1 to N.

Each step runs in one transaction together with the version bump (`PRAGMA user_version`), so a
step that fails leaves the store exactly at the version before it. Steps are lists of single
statements: `executescript` would commit behind our back.
"""

from __future__ import annotations

from typing import Callable, Sequence

Step = Callable[[object], None]


def _v1(conn) -> None:
    for sql in (
        """CREATE TABLE cases (
               id TEXT PRIMARY KEY,
               reference TEXT NOT NULL,
               practitioner TEXT NOT NULL DEFAULT '',
               archived INTEGER NOT NULL DEFAULT 0,
               created TEXT NOT NULL,
               updated TEXT NOT NULL)""",
        "CREATE INDEX cases_by_updated ON cases(updated)",
        "CREATE INDEX cases_by_reference ON cases(reference)",
        """CREATE TABLE adults (
               id TEXT PRIMARY KEY,
               case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
               position INTEGER NOT NULL,
               name TEXT NOT NULL,
               role TEXT NOT NULL,
               role_detail TEXT NOT NULL DEFAULT '')""",
        "CREATE INDEX adults_by_case ON adults(case_id)",
        """CREATE TABLE children (
               id TEXT PRIMARY KEY,
               case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
               position INTEGER NOT NULL,
               name TEXT NOT NULL,
               date_of_birth TEXT,
               expected_date TEXT,
               pronouns TEXT NOT NULL DEFAULT 'they',
               disability TEXT NOT NULL DEFAULT '',
               communication TEXT NOT NULL DEFAULT '',
               other_needs TEXT NOT NULL DEFAULT '',
               known_as TEXT NOT NULL DEFAULT '')""",
        "CREATE INDEX children_by_case ON children(case_id)",
        """CREATE TABLE interviews (
               id TEXT PRIMARY KEY,
               child_id TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
               position INTEGER NOT NULL,
               perspective TEXT NOT NULL,
               adult_id TEXT REFERENCES adults(id) ON DELETE CASCADE,
               template_id TEXT NOT NULL,
               template_version TEXT NOT NULL,
               template_hash TEXT NOT NULL,
               held_on TEXT NOT NULL,
               place TEXT NOT NULL DEFAULT '',
               present TEXT NOT NULL DEFAULT '',
               interpreter TEXT NOT NULL DEFAULT '',
               practitioner TEXT NOT NULL DEFAULT '',
               created TEXT NOT NULL,
               updated TEXT NOT NULL)""",
        "CREATE INDEX interviews_by_child ON interviews(child_id)",
        # An ordinary rowid table: answers run to hundreds of bytes, which WITHOUT ROWID would
        # spill into half-empty overflow pages (measured: a file twice the size).
        """CREATE TABLE answers (
               interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
               topic_key TEXT NOT NULL,
               data TEXT NOT NULL,
               updated TEXT NOT NULL,
               UNIQUE (interview_id, topic_key))""",
        """CREATE TABLE template_snapshots (
               hash TEXT PRIMARY KEY,
               data TEXT NOT NULL)""",
    ):
        conn.execute(sql)


def _v2(conn) -> None:
    """The practitioner's analysis: one per child, kept as JSON (see analysis.py)."""
    conn.execute("""CREATE TABLE analyses (
                        child_id TEXT PRIMARY KEY REFERENCES children(id) ON DELETE CASCADE,
                        data TEXT NOT NULL,
                        updated TEXT NOT NULL)""")


def _v3(conn) -> None:
    """Who gave a professional account (each source is its own voice), and the names and places
    an anonymised report hides (a JSON list)."""
    conn.execute("ALTER TABLE interviews ADD COLUMN source TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE cases ADD COLUMN hidden TEXT NOT NULL DEFAULT '[]'")


def _v4(conn) -> None:
    """Whether the person was seen alone (NULL: not recorded), and what was disclosed (a JSON list)."""
    conn.execute("ALTER TABLE interviews ADD COLUMN seen_alone INTEGER")
    conn.execute("ALTER TABLE interviews ADD COLUMN disclosures TEXT NOT NULL DEFAULT '[]'")


def _v5(conn) -> None:
    """Each time a child pressed "Something worries me" in child mode (a JSON list)."""
    conn.execute("ALTER TABLE interviews ADD COLUMN worries TEXT NOT NULL DEFAULT '[]'")


def _v6(conn) -> None:
    """What a child drew in child mode (a JSON list, each PNG in base64), kept encrypted like the rest."""
    conn.execute("ALTER TABLE interviews ADD COLUMN drawings TEXT NOT NULL DEFAULT '[]'")


def _v7(conn) -> None:
    """The case's chronology: one row per significant event the practitioner recorded (JSON, see
    chronology.py). Interviews and analyses are not copied here: the chronology reads them."""
    conn.execute("""CREATE TABLE events (
                        id TEXT PRIMARY KEY,
                        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
                        data TEXT NOT NULL,
                        updated TEXT NOT NULL)""")
    conn.execute("CREATE INDEX events_by_case ON events(case_id)")


def _v8(conn) -> None:
    """Oversight: each version of an analysis kept for review, and each manager's review (oversight.py).
    Written once and never changed; deleted only with the child (a child or case removed for good)."""
    for sql in (
        """CREATE TABLE analysis_versions (
               id TEXT PRIMARY KEY,
               child_id TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
               number INTEGER NOT NULL,
               data TEXT NOT NULL,
               UNIQUE (child_id, number))""",
        """CREATE TABLE analysis_reviews (
               id TEXT PRIMARY KEY,
               child_id TEXT NOT NULL REFERENCES children(id) ON DELETE CASCADE,
               at TEXT NOT NULL,
               data TEXT NOT NULL)""",
        "CREATE INDEX analysis_reviews_by_child ON analysis_reviews(child_id)",
    ):
        conn.execute(sql)
    for table in ("analysis_versions", "analysis_reviews"):
        conn.execute(f"CREATE TRIGGER {table}_never_changed BEFORE UPDATE ON {table} "
                     f"BEGIN SELECT RAISE(ABORT, 'kept for the record: it cannot be changed'); END")
        conn.execute(f"CREATE TRIGGER {table}_kept BEFORE DELETE ON {table} "
                     f"WHEN EXISTS (SELECT 1 FROM children WHERE id = OLD.child_id) "
                     f"BEGIN SELECT RAISE(ABORT, 'kept for the record: it cannot be deleted'); END")


def _v9(conn) -> None:
    """Scores from other tools (scores.py): one row per set of scores on a day (JSON)."""
    conn.execute("""CREATE TABLE score_sets (
                        id TEXT PRIMARY KEY,
                        case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
                        data TEXT NOT NULL)""")
    conn.execute("CREATE INDEX score_sets_by_case ON score_sets(case_id)")


def _v10(conn) -> None:
    """The wider family (family.py): relatives, relationships and the family's history, as JSON."""
    conn.execute("ALTER TABLE cases ADD COLUMN family TEXT NOT NULL DEFAULT '{}'")


MIGRATIONS: Sequence[Step] = (_v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8, _v9, _v10)


def latest_version(migrations: Sequence[Step] = MIGRATIONS) -> int:
    return len(migrations)
