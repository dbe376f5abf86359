"""The saved .docx as a package, unzipped: its properties, its language, and nothing left of
python-docx's own template."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from datetime import datetime, timedelta, timezone

import docx
import pytest

from dayinlife.report import ReportOptions, export_report
from tests.conftest import REPO
from tests.test_report import TODAY, full_case

MADE_IN = """
import json, sys, time
from dayinlife.report import export_report
from dayinlife.template_loader import load_library
from tests.test_report import full_case
library = load_library()
case = full_case(library)
path = export_report(case, case.children[0], sys.argv[1], library)
print(json.dumps({"offset_hours": -time.timezone / 3600, "path": str(path)}))
"""


def parts(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


@pytest.mark.skipif(os.name == "nt", reason="TZ in the environment sets the zone only where there is tzset")
def test_created_and_modified_are_utc_in_any_time_zone(tmp_path):
    """python-docx writes the times with a 'Z': a report made at 10:00 in New York is 14:00 or 15:00 Z."""
    env = dict(os.environ, TZ="America/New_York", PYTHONPATH=str(REPO))
    before = datetime.now(timezone.utc).replace(microsecond=0)
    out = subprocess.run([sys.executable, "-c", MADE_IN, str(tmp_path)], env=env, cwd=REPO, capture_output=True,
                         text=True, timeout=120)
    after = datetime.now(timezone.utc) + timedelta(seconds=1)
    assert out.returncode == 0, out.stderr
    made = json.loads(out.stdout.strip().splitlines()[-1])
    assert made["offset_hours"] in (-5, -4)  # the child process really was in New York
    core = parts(made["path"])["docProps/core.xml"].decode("utf-8")
    for prop in ("created", "modified"):
        stamp = re.search(rf"<dcterms:{prop}[^>]*>([^<]+)<", core).group(1)
        when = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
        assert before - timedelta(seconds=1) <= when <= after, (prop, stamp)
    props = docx.Document(made["path"]).core_properties
    assert props.created == props.modified


def test_uk_english_for_the_spelling_checker(library, tmp_path):
    case = full_case(library)
    path = export_report(case, case.children[0], tmp_path, library, today=TODAY)
    package = parts(path)
    styles = package["word/styles.xml"].decode("utf-8")
    default = re.search(r"<w:rPrDefault>.*?</w:rPrDefault>", styles, re.S).group(0)
    assert 'w:lang w:val="en-GB"' in default
    assert "en-US" not in styles and b"en-US" not in package.get("word/stylesWithEffects.xml", b"")
    assert 'w:themeFontLang w:val="en-GB"' in package["word/settings.xml"].decode("utf-8")
    assert docx.Document(path).core_properties.language == "en-GB"


def test_nothing_is_left_of_the_template(library, tmp_path):
    case = full_case(library)
    path = export_report(case, case.children[0], tmp_path, library, today=TODAY)
    package = parts(path)
    assert "docProps/thumbnail.jpeg" not in package
    assert b"thumbnail" not in package["_rels/.rels"] and b"thumbnail" not in package["[Content_Types].xml"]
    app = package["docProps/app.xml"].decode("utf-8")
    assert "<Application>Day in My Life</Application>" in app
    assert "Macintosh" not in app and "Normal.dotm" not in app
    assert not [n for n in package if n.startswith("customXml/")]  # python-docx's empty bibliography
    assert b"savePreviewPicture" not in package["word/settings.xml"]
    core = package["docProps/core.xml"].decode("utf-8")
    assert "python-docx" not in core and "lastPrinted" not in core and "2013-12-23" not in core
    assert "<cp:revision>1</cp:revision>" in core
    everything = b"".join(package.values())
    assert b"python-docx" not in everything and b"Macintosh" not in everything
    props = docx.Document(path).core_properties
    assert props.title == "A day in the life of Mia Fictional" and props.author == "Alex Worker"
    assert props.comments == "" and props.keywords == "" and props.last_printed is None


def test_a_very_long_name_still_makes_a_report(library, tmp_path):
    case = full_case(library)
    case.children[0].name = "Mia " + "Verylongname " * 30 + "Fictional"
    path = export_report(case, case.children[0], tmp_path, library, ReportOptions(), today=TODAY)
    assert len(docx.Document(path).core_properties.title) == 255
