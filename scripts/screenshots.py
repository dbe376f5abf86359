"""Save a screenshot of every screen, at normal and 150% text, to shots/ (or the folder given).

    .venv/bin/python scripts/screenshots.py [FOLDER] [--theme high_contrast|dark] [--presentation]
                                            [--size 1024x768] [--demo]

Walks the real main window with a fictional family on a throwaway store: first run, the case
list, the household, starting an interview, the interview, child mode, the templates, compare and
analyse, and the locked screen. Uses the display if there is one (e.g. `xvfb-run -s "-screen 0 1400x900x24" ...`),
otherwise draws offscreen; either way Qt's own grab() takes the pictures, and the window is sized
as a 1400 x 900 laptop screen would size it at each scale (or the --size given, e.g. a projector's
1024 x 768). --theme and --presentation switch the view as View → Theme and View → Presentation mode do.
--demo walks the trainer's demo instead: every household, child, interview kind and compare tab, one
Word export per child (saved beside the pictures), and Reset demo at the end.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PASS = "screenshot passphrase"


def shoot(folder: Path, scale: str, theme: str = "default", presentation: bool = False,
          size: tuple[int, int] = (1400, 900)) -> None:
    os.environ["QT_SCALE_FACTOR"] = scale
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen: draw offscreen
    sys.path.insert(0, str(REPO))
    from PySide6.QtTest import QTest

    from dayinlife.app import create_app
    from dayinlife.case import Adult, AdultRole, Child, Perspective, PerspectiveKind
    from dayinlife.ui import dialogs
    from dayinlife.ui.main_window import MainWindow

    dialogs.ASK = lambda kind, *a, **k: PASS if kind == "passphrase" else None
    suffix = "" if scale == "1" else f"@{scale}x"
    _app = create_app([sys.argv[0]])  # keep the application alive while we draw
    data = Path(tempfile.mkdtemp()) / "data"
    window = MainWindow(data)  # its settings live in the throwaway folder
    window.set_theme(theme)
    window.set_presentation(presentation)
    width, height = size
    window.resize(int(width * 0.95 / float(scale)), int(height * 0.9 / float(scale)))
    window.show()
    QTest.qWait(50)

    def save(name: str, widget=None) -> None:
        QTest.qWait(30)
        (widget or window).grab().save(str(folder / f"{name}{suffix}.png"))

    save("01-first-run")
    page = window.first_run
    page.passphrase.setText(PASS)
    page.repeat.setText(PASS)
    page.understand.setChecked(True)
    page.create()
    session = window.session
    for ref, kids in (("FICT-2026-0117", ["Amara Okonjo-Whitfield", "Baby Okonjo-Whitfield"]),
                      ("FICT-2026-0098", ["Dylan Price"]), ("FICT-2026-0054", ["Siân Llewellyn-Jones", "Cai Llewellyn-Jones"])):
        case = session.new_case(ref)
        case.adults += [Adult("Grace Okonjo-Whitfield", AdultRole.MOTHER), Adult("Tom Whitfield", AdultRole.STEP_PARENT)]
        for i, name in enumerate(kids):
            born = date(2016, 5, 14) if i == 0 else None
            case.children.append(Child(name, date_of_birth=born, expected_date=None if born else date(2027, 2, 1),
                                       pronouns="she" if i == 0 else "they", communication="Some Makaton" if i else ""))
        session.save_case(case)
    window.show_cases()
    save("02-case-list")
    window.open_case(case.id)
    save("03-household")
    window.case_page.open_start_panel()
    save("04-start-interview")
    child = case.children[0]
    interview = session.start_interview(case, child, Perspective(PerspectiveKind.PARENT, case.adults[0].id),
                                        "primary", date(2026, 11, 24), place="Home")
    window.open_interview(case, child, interview)
    ip = window.interview_page
    ip.cards[0].text.setPlainText("She usually gets herself up; I'm often asleep after a night shift.")
    ip.go_to_stage(1)
    save("05-interview-parent")
    save("05b-interview-topics-whole", ip.area.widget())  # the scrolled part too, at the width shown
    ip.guidance_check.setChecked(True)
    save("06-interview-guidance")
    child_iv = session.start_interview(case, child, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 24))
    window.open_interview(case, child, child_iv)
    window.interview_page.child_mode_button.click()
    child_window = window.child_window
    child_window.showNormal()  # offscreen "full screen" is 800 x 800; size it as a 1400 x 900 laptop would
    child_window.resize(int(width / float(scale)), int(height / float(scale)))
    child_window.words.setPlainText("Sometimes there's cereal. Sometimes I have crisps on the way.")
    save("07-child-mode", child_window)
    save("07b-child-mode-whole", child_window.body)  # the scrolled part too
    child_window.leave()
    window.show_templates()
    save("08-templates")
    # Compare and analyse: the child, both adults and professionals, with some differences.
    from dayinlife.case import Answer

    template = session.template_for(case, interview)
    step_interview = session.start_interview(case, child, Perspective(PerspectiveKind.PARENT, case.adults[1].id),
                                             "primary", date(2026, 11, 25))
    pro_interview = session.start_interview(case, child, Perspective(PerspectiveKind.PROFESSIONAL), "primary",
                                            date(2026, 11, 26), source="School: class teacher")
    for n, topic in enumerate(template.topics()):
        for k, (iv, words) in enumerate(((child_iv, "I mostly do it on my own"), (interview, "She's fine, we manage"),
                                         (step_interview, "I'm not always there"),
                                         (pro_interview, "School notes she is often tired"))):
            if (n + k) % 4 == 3:
                continue  # every stage partly answered
            scale_values = {m.id: template.scales[m.scale].values[(n + k * (n % 3)) % 2] for m in topic.measures}
            feeling = None if iv is pro_interview else template.scales["feeling"].values[(n + k) % 4]
            session.save_answer(iv, topic.key, Answer(words, scale_values, feeling=feeling,
                                                      source="School" if iv is pro_interview else ""))
    session.save_answer(child_iv, "breakfast", Answer("Sometimes there's cereal. Sometimes I have crisps on the way.",
                                                      {"how_often": "rarely", "who": "child_self"},
                                                      feeling="unhappy", better="If there was food in the morning"))
    window.open_case(case.id)
    window.case_page.compare_button.click()
    compare = window.compare_page
    save("10-compare")
    child_voice = next(v.label for v in compare.comparison.voices if v.kind.value == "child")
    compare.open_cell(*compare.cell_for("breakfast", child_voice))
    save("11-compare-full-answer")
    compare.tabs.setCurrentIndex(1)
    save("12-compare-feelings")
    compare.tabs.setCurrentWidget(compare.editor)
    compare.editor.strengths.setPlainText("Grace and Tom both came to every meeting.")
    compare.editor.plan.add()
    compare.editor.plan.rows[0][0].setText("Breakfast club place")
    compare.editor.plan.rows[0][1].setText("School")
    save("13-analysis")
    compare.tabs.setCurrentWidget(compare.export_panel)
    save("14-export")
    compare.saver.flush()
    window.lock()
    save("09-locked")
    window.close()


def shoot_demo(folder: Path, scale: str, theme: str = "default", presentation: bool = False,
               size: tuple[int, int] = (1400, 900)) -> None:
    """The trainer's walk through the demo: every household, each child's interviews, compare, the
    analysis and the export tab; one real export per child (.docx beside the pictures); then Reset demo."""
    os.environ["QT_SCALE_FACTOR"] = scale
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(REPO))
    from PySide6.QtTest import QTest

    from dayinlife.app import create_app
    from dayinlife.ui import dialogs
    from dayinlife.ui.main_window import MainWindow

    suffix = "" if scale == "1" else f"@{scale}x"
    answers = {"save_path": None, "confirm": True}
    dialogs.ASK = lambda kind, parent, title, text, **k: answers.get(kind)
    _app = create_app([sys.argv[0]])
    window = MainWindow(Path(tempfile.mkdtemp()) / "data", demo=True)
    window.set_theme(theme)
    window.set_presentation(presentation)
    width, height = size
    window.resize(int(width * 0.95 / float(scale)), int(height * 0.9 / float(scale)))
    window.show()
    QTest.qWait(50)

    def save(name: str, widget=None) -> None:
        QTest.qWait(30)
        (widget or window).grab().save(str(folder / f"demo-{name}{suffix}.png"))

    save("00-cases")
    session = window.session
    for summary in session.store.list_cases():
        case = session.store.load_case(summary.id)
        ref = case.reference.split()[0]
        window.open_case(case.id)
        save(f"{ref}-household")
        for n, child in enumerate(case.children):
            first = child.called.split()[0].lower() if child.called else f"child{n}"
            shown = set()
            for iv in child.interviews:
                kind = iv.perspective.kind.value
                if kind in shown:
                    continue
                shown.add(kind)
                window.open_interview(case, child, iv)
                window.interview_page.go_to_stage(1)
                save(f"{ref}-{first}-interview-{kind}")
            window.open_case(case.id)
            window.case_page.child_table.selectRow(n)
            window.case_page.compare_button.click()
            compare = window.compare_page
            for tab in range(compare.tabs.count()):
                if compare.tabs.isTabVisible(tab):  # change over time shows only where there is a later interview
                    compare.tabs.setCurrentIndex(tab)
                    save(f"{ref}-{first}-compare-{tab}")
            answers["save_path"] = folder / f"demo-{ref}-{first}{suffix}.docx"
            compare.export_panel.export()
            save(f"{ref}-{first}-exported")
    window.reset_demo()
    save("99-after-reset")
    window.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="A screenshot of every screen.")
    parser.add_argument("folder", nargs="?", default=str(REPO / "shots"))
    parser.add_argument("--theme", default="default", choices=["default", "high_contrast", "dark"])
    parser.add_argument("--presentation", action="store_true", help="presentation mode (larger text)")
    parser.add_argument("--size", default="1400x900", help="the screen, WIDTHxHEIGHT (default 1400x900)")
    parser.add_argument("--demo", action="store_true", help="walk the trainer's demo families instead")
    args = parser.parse_args()
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    screen = tuple(int(n) for n in args.size.lower().split("x"))
    if os.environ.get("_SHOT_SCALE"):
        (shoot_demo if args.demo else shoot)(folder, os.environ["_SHOT_SCALE"], args.theme, args.presentation, screen)
    else:  # one process per scale: Qt reads the scale factor once, at start-up
        for scale in ("1", "1.5"):
            subprocess.run([sys.executable, __file__, *sys.argv[1:]], env={**os.environ, "_SHOT_SCALE": scale},
                           check=True)
        print(f"screenshots in {folder}")
