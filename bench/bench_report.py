"""Benchmark for the Word export budget (not a test).

Budget: exporting a full case (the child, two parents and a professional, every stage answered,
an earlier interview and a full analysis) takes under 1.5 s, and no more than 3 times what
python-docx alone takes to write the same text and tables, measured in the same run.

The baseline is taken from the report itself: every paragraph (text and style) and every table
(cell text) of the exported document is written again with plain python-docx calls
(add_paragraph, add_table, cell.text) and saved, without the report's shading, widths, alt text,
right-to-left marks or picture. The two are timed alternately so both see the same machine
noise; the median of each is compared.

    .venv/bin/python bench/bench_report.py [--runs N]

Exits 1 if either budget is missed.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import docx  # noqa: E402
from docx.table import Table  # noqa: E402
from docx.text.paragraph import Paragraph  # noqa: E402

from dayinlife.report import ReportOptions, export_report  # noqa: E402
from dayinlife.template_loader import load_library  # noqa: E402
from tests.test_report import TODAY, full_case  # noqa: E402

BUDGET_S, BUDGET_RATIO = 1.5, 3.0


def blocks_of(path: Path) -> list:
    """The report's body as plain content: ("p", style, text) and ("t", rows of cell texts)."""
    doc = docx.Document(path)
    out = []
    for el in doc.element.body.iterchildren():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p = Paragraph(el, doc)
            out.append(("p", p.style.name, p.text))
        elif tag == "tbl":
            t = Table(el, doc)
            out.append(("t", [[c.text for c in row.cells] for row in t.rows]))
    return out


def plain_python_docx(blocks: list) -> bytes:
    doc = docx.Document()
    for block in blocks:
        if block[0] == "p":
            doc.add_paragraph(block[2], style=block[1])
        else:
            rows = block[1]
            table = doc.add_table(rows=0, cols=len(rows[0]))
            table.style = "Table Grid"
            for values in rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, values):
                    cell.text = text
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    library = load_library()
    case = full_case(library)
    child = case.children[0]
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "report.docx"
        export_report(case, child, target, library, ReportOptions(), today=TODAY)  # warm up (imports, fonts)
        blocks = blocks_of(target)
        plain_python_docx(blocks)
        ours, plain = [], []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            export_report(case, child, target, library, ReportOptions(), today=TODAY)
            t1 = time.perf_counter()
            plain_python_docx(blocks)
            t2 = time.perf_counter()
            ours.append(t1 - t0)
            plain.append(t2 - t1)
        size = target.stat().st_size
    paragraphs = sum(1 for b in blocks if b[0] == "p")
    cells = sum(len(r) for b in blocks if b[0] == "t" for r in b[1])
    export, baseline = statistics.median(ours), statistics.median(plain)
    ratio = export / baseline
    print(f"full case: {len(case.children[0].interviews)} interviews, {paragraphs} paragraphs, "
          f"{sum(1 for b in blocks if b[0] == 't')} tables ({cells} cells), {size / 1024:.0f} KiB")
    print(f"export (build, picture, save atomically): median {export * 1000:.0f} ms "
          f"(min {min(ours) * 1000:.0f}, max {max(ours) * 1000:.0f}); budget {BUDGET_S * 1000:.0f} ms")
    print(f"plain python-docx, same text and tables:  median {baseline * 1000:.0f} ms "
          f"(min {min(plain) * 1000:.0f}, max {max(plain) * 1000:.0f})")
    print(f"ratio {ratio:.2f}x; budget {BUDGET_RATIO:.1f}x")
    ok = export < BUDGET_S and ratio <= BUDGET_RATIO
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
