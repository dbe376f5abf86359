"""The guided interview and child mode, driven through the real widgets on a real store."""

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QPlainTextEdit, QWidget

from dayinlife.case import Adult, AdultRole, Child, Perspective, PerspectiveKind
from dayinlife.session import Session
from dayinlife.store import Store
from dayinlife.template_loader import load_library
from dayinlife.ui import dialogs
from dayinlife.ui.autosave import Autosaver
from dayinlife.ui.interview_page import InterviewPage
from tests.ui.conftest import FakeShell

PASS = "interview test passphrase"


@pytest.fixture(scope="module")
def lib():
    return load_library()


@pytest.fixture
def session(tmp_path, lib):
    store = Store.create(tmp_path / "data", PASS)
    s = Session(store, lib)
    yield s
    if s.store._conn is not None:
        s.lock()


@pytest.fixture
def household(session):
    case = session.new_case("FICT-UI-1")
    case.adults += [Adult("Morgan Fictional", AdultRole.MOTHER), Adult("Robin Fictional", AdultRole.STEP_PARENT)]
    case.children += [Child("Tamsin Fictional", date_of_birth=date(2017, 6, 1), pronouns="she"),
                      Child("Ollie Fictional", date_of_birth=date(2025, 12, 1), pronouns="he")]
    session.save_case(case)
    return case


def page_for(qtbot, session, case, child, interview):
    shell = FakeShell(session)
    page = InterviewPage(shell)
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    page.show_interview(case, child, interview)
    return page, shell


def face_buttons(faces: QWidget):
    return [b for b in faces.findChildren(QAbstractButton) if b.isVisible()]


def visible_text(widget: QWidget) -> str:
    parts = [w.text() for w in widget.findChildren(QLabel) if w.isVisibleTo(widget)]
    parts += [w.toPlainText() for w in widget.findChildren(QPlainTextEdit) if w.isVisibleTo(widget)]
    parts += [w.title() for w in widget.findChildren(QWidget) if hasattr(w, "title") and callable(w.title)
              and isinstance(w.title(), str) and w.isVisibleTo(widget)]
    return "\n".join(parts)


def answer_every_stage(qtbot, page, words):
    """Walk every stage with Next, answering every topic as a practitioner would."""
    stages = page.template.stages
    for index, stage in enumerate(stages):
        assert page.stage_index == index
        for card in page.cards:
            if card.folded:  # asked only on their own: the practitioner says they are, and it opens
                qtbot.mouseClick(card.first_input(), Qt.MouseButton.LeftButton)
                assert not card.folded
            card.text.setFocus()
            typed = words(card.key)
            cut = next((i for i, ch in enumerate(typed) if ord(ch) > 127), len(typed))
            qtbot.keyClicks(card.text, typed[:cut])  # QTest types ASCII only ...
            card.text.insertPlainText(typed[cut:])  # ... the rest arrives as pasted or IME text
            if card.own_day is not None:
                qtbot.keyClicks(card.own_day, f"own day {card.key}")
            for combo in card.measures.values():
                combo.setFocus()
                qtbot.keyClick(combo, Qt.Key.Key_Down)  # the first real answer
            qtbot.mouseClick(face_buttons(card.feeling)[1], Qt.MouseButton.LeftButton)
        if index < len(stages) - 1:
            qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert not page.next_button.isEnabled()


def test_full_child_interview_through_every_stage(qtbot, session, household, tmp_path):
    child = household.children[0]
    iv = session.start_interview(household, child, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 20),
                                 place="school")
    page, _ = page_for(qtbot, session, household, child, iv)
    assert "Tamsin" in page.header.text() and "The child" in page.header.text()
    answer_every_stage(qtbot, page, lambda key: f"My words about {key} & <stuff> 😀 Llŷr")
    qtbot.waitUntil(lambda: page.autosaver.state == Autosaver.SAVED, timeout=5000)
    asked = len([t for t in page.template.topics() if t.for_child])  # a child is not asked 'Safe to talk'
    assert page.progress.value() == page.progress.maximum() == asked
    # read back from the file, through a second connection
    with Store.open(tmp_path / "data", PASS) as again:
        stored = again.load_case(household.id).children[0].interviews[0].answers
    template = page.template
    assert set(stored) == {t.key for t in template.topics() if t.for_child}
    for topic in (t for t in template.topics() if t.for_child):
        a = stored[topic.key]
        assert a.text == f"My words about {topic.key} & <stuff> 😀 Llŷr"
        assert a.feeling == "happy"
        assert set(a.measures) == {m.id for m in topic.measures if m.for_child}  # never what only adults know
        assert a.own_day == ""  # the child is not asked about a parent's day


def test_full_parent_interview_and_no_one_sees_anothers_answers(qtbot, session, household, tmp_path):
    child = household.children[0]
    child_iv = session.start_interview(household, child, Perspective(PerspectiveKind.CHILD), "primary",
                                       date(2026, 11, 20))
    secret = child_iv.answer("breakfast")
    secret.text = "CHILD-ONLY-WORDS about being hungry"
    session.save_answer(child_iv, "breakfast", secret)
    mum = household.adults[0]
    parent_iv = session.start_interview(household, child, Perspective(PerspectiveKind.PARENT, mum.id), "primary",
                                        date(2026, 11, 21))
    page, _ = page_for(qtbot, session, household, child, parent_iv)
    assert "Morgan Fictional (mother)" in page.header.text()
    template = page.template
    breakfast = template.stages[[s.id for s in template.stages].index("breakfast")]
    page.go_to_stage(template.stages.index(breakfast))
    shown = visible_text(page)
    assert "CHILD-ONLY-WORDS" not in shown
    assert template.render(breakfast.topics[0].parent, "Tamsin", "she") in shown
    assert template.render(breakfast.topics[0].child, "Tamsin", "she") not in shown
    page.go_to_stage(0)
    answer_every_stage(qtbot, page, lambda key: f"Parent says {key}")
    qtbot.waitUntil(lambda: page.autosaver.state == Autosaver.SAVED, timeout=5000)
    with Store.open(tmp_path / "data", PASS) as again:
        ivs = again.load_case(household.id).children[0].interviews
    parent_answers = ivs[1].answers
    asked = [t for t in template.topics() if t.asked_of(PerspectiveKind.PARENT)]
    assert all(parent_answers[t.key].text == f"Parent says {t.key}" for t in asked)
    assert "worries_at_home" not in parent_answers  # the child's alone: never put to a parent
    assert parent_answers["breakfast"].own_day == "own day breakfast"
    assert ivs[0].answers["breakfast"].text == "CHILD-ONLY-WORDS about being hungry"  # untouched


def test_guidance_is_hidden_until_asked_for(qtbot, session, household):
    child = household.children[0]
    iv = session.start_interview(household, child, Perspective(PerspectiveKind.PARENT, household.adults[1].id),
                                 "primary", date(2026, 11, 21))
    page, _ = page_for(qtbot, session, household, child, iv)
    look_for = page.template.stages[0].topics[0].professional[:40]
    assert look_for not in visible_text(page)
    page.guidance_check.setChecked(True)
    assert look_for in visible_text(page)


def test_moving_back_and_forth_keeps_everything_and_saves_on_every_move(qtbot, session, household, tmp_path):
    child = household.children[1]  # a baby: the baby template, in the baby's voice
    iv = session.start_interview(household, child, Perspective(PerspectiveKind.CHILD), "baby", date(2026, 11, 20))
    page, _ = page_for(qtbot, session, household, child, iv)
    card = page.cards[0]
    qtbot.keyClicks(card.text, "Picked up quickly")
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.autosaver.state == Autosaver.SAVED  # saved at once on the move, no waiting
    with Store.open(tmp_path / "data", PASS) as again:
        assert again.load_case(household.id).children[1].interviews[0].answers[card.key].text == "Picked up quickly"
    page.stage_list.setCurrentRow(len(page.template.stages) - 1)  # jump to the end by the map
    assert page.template.stages[-1].kind.value == "other"
    page.stage_list.setCurrentRow(0)
    assert page.cards[0].text.toPlainText() == "Picked up quickly"
    assert "✓" in page.stage_list.item(0).text() or "◐" in page.stage_list.item(0).text()


def test_not_asked_with_a_reason(qtbot, session, household, tmp_path):
    child = household.children[0]
    iv = session.start_interview(household, child, Perspective(PerspectiveKind.PROFESSIONAL), "primary",
                                 date(2026, 11, 22))
    page, _ = page_for(qtbot, session, household, child, iv)
    card = page.cards[0]
    assert card.source is not None  # professionals say where their information comes from
    assert not card.reason.isEnabled()
    card.not_asked.click()
    qtbot.keyClicks(card.reason, "No school information yet")
    page.autosaver.flush()
    with Store.open(tmp_path / "data", PASS) as again:
        a = again.load_case(household.id).children[0].interviews[0].answers[card.key]
    assert a.not_asked == "No school information yet"


def test_a_save_that_fails_is_shown_and_kept(qtbot, session, household):
    child = household.children[0]
    iv = session.start_interview(household, child, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 20))
    page, shell = page_for(qtbot, session, household, child, iv)
    pages = session.store._conn.execute("PRAGMA page_count").fetchone()[0]
    session.store._conn.execute(f"PRAGMA max_page_count = {pages}")
    qtbot.keyClicks(page.cards[0].text, "x" * 3000)
    page.cards[0].text.setPlainText("y" * 300_000)
    assert not page.autosaver.flush()
    assert "Not saved" in page.saved_label.text() and "disk is full" in page.saved_label.text()
    assert shell.errors
    assert page.autosaver.pending  # still waiting to be saved, not dropped


# ------------------------------------------------------------------ child mode


@pytest.fixture
def child_mode(qtbot, session, household, monkeypatch):
    from dayinlife.ui.child_mode import ChildModeWindow

    child = household.children[0]
    iv = session.start_interview(household, child, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 20))
    autosaver = Autosaver(session)
    window = ChildModeWindow(session, autosaver, child, iv, session.template_for(household, iv), case=household)
    window.show()  # not given to qtbot: its close is refused without the passphrase, so we end it below
    asked, answers = [], []

    def ask(kind, parent, title, text, **options):
        asked.append((kind, text))
        return answers.pop(0) if kind == "passphrase" else None

    monkeypatch.setattr(dialogs, "ASK", ask)
    yield window, iv, asked, answers
    if window.isVisible():
        window.leave()  # as the app does on locking
    window.deleteLater()


def test_child_mode_shows_only_child_wording(child_mode):
    window, iv, _, _ = child_mode
    template = window.template
    for index, (step, part) in enumerate(window.pages):
        window.go(index)
        shown = visible_text(window)
        topic = window.steps[step][1]
        if part == "say":
            assert template.render(topic.child, "Tamsin", "she") in shown
        else:
            assert template.render(template.common.feeling_child, "Tamsin", "she") in shown
            assert template.render(topic.child, "Tamsin", "she") not in shown  # one thing at a time
        assert template.render(topic.parent, "Tamsin", "she") not in shown
        assert topic.professional[:30] not in shown


def test_child_mode_saves_what_the_child_says(qtbot, child_mode, session, household, tmp_path):
    window, iv, _, _ = child_mode
    qtbot.keyClicks(window.words, "I have cereal")
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)  # on to how it feels
    assert window.part == "feel" and window.faces.isVisible() and not window.words.isVisible()
    qtbot.mouseClick(face_buttons(window.faces)[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert (window.step, window.part) == (1, "say")
    with Store.open(tmp_path / "data", PASS) as again:
        a = again.load_case(household.id).children[0].interviews[0].answers[window.steps[0][1].key]
    assert a.text == "I have cereal" and a.feeling == "very_happy"


def test_leaving_child_mode_needs_the_passphrase(qtbot, child_mode):
    window, _, asked, answers = child_mode
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.isVisible()
    answers.append("a guess")
    window.close()
    assert window.isVisible()
    assert ("passphrase" in [k for k, _ in asked]) and any(k == "error" for k, _ in asked)
    answers.append(None)  # cancelled
    assert not window.ask_to_leave() and window.isVisible()
    answers.append(PASS)
    with qtbot.waitSignal(window.finished, timeout=5000):
        assert window.ask_to_leave()
    assert not window.isVisible()


# --------------------------------------------------------------------------- the mouse wheel


def test_the_wheel_over_a_drop_down_scrolls_the_stage_and_never_sets_an_answer(qtbot, session, household):
    """Seen: scrolling a long stage with the wheel set each drop-down it passed over, saved it and
    counted the topic as answered."""
    from tests.ui.input import wheel

    child = household.children[0]
    interview = session.start_interview(household, child, Perspective(PerspectiveKind.PARENT,
                                        household.adults[0].id), "primary", date(2026, 11, 30))
    page, shell = page_for(qtbot, session, household, child, interview)
    page.resize(900, 500)  # a laptop's worth of page: the stage is longer than the view
    stage = next(i for i, s in enumerate(page.template.stages) if sum(len(t.measures) for t in s.topics) >= 2)
    page.go_to_stage(stage)
    qtbot.wait(50)
    bar = page.area.verticalScrollBar()
    assert bar.maximum() > 0
    before = overall = page.progress_label.text()
    combos = [c for card in page.cards for c in card.measures.values()]
    for combo in combos:
        page.area.ensureWidgetVisible(combo)
        qtbot.wait(10)
        start = bar.value()
        got = wheel(qtbot, combo, -1)
        assert got is combo or combo.isAncestorOf(got)  # the wheel really was over the drop-down
        assert combo.currentData() is None, "the wheel chose an answer"
        assert bar.value() > start or bar.value() == bar.maximum(), "the page did not scroll"
    page.autosaver.flush()
    assert session.store.load_case(household.id).children[0].interviews[0].answers == {}
    assert page.progress_label.text() == before == overall
    # the keyboard (and a click) still choose
    combo = combos[0]
    page.area.ensureWidgetVisible(combo)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() is not None


def test_the_wheel_never_changes_a_filter_or_a_number_box_either(qtbot):
    from PySide6.QtWidgets import QComboBox, QScrollArea, QSpinBox, QVBoxLayout

    from dayinlife.ui.wheel import guard_choices
    from tests.ui.input import wheel

    guard_choices()
    area = QScrollArea()
    qtbot.addWidget(area)
    holder = QWidget()
    column = QVBoxLayout(holder)
    combo, spin = QComboBox(), QSpinBox()
    combo.addItems(["one", "two", "three"])
    spin.setRange(0, 10)
    spin.setValue(5)
    for w in (combo, spin):
        column.addWidget(w)
        column.addSpacing(600)
    area.setWidget(holder)
    area.resize(300, 300)
    area.show()
    qtbot.wait(20)
    for w in (combo, spin):
        w.setFocus()  # even with the focus, the wheel does not change it
        area.ensureWidgetVisible(w)
        wheel(qtbot, w, -1)
    assert (combo.currentIndex(), spin.value()) == (0, 5)


def _top_of(widget, area) -> int:
    return widget.mapTo(area.viewport(), widget.rect().topLeft()).y()


def _bottom_of(widget, area) -> int:
    return widget.mapTo(area.viewport(), widget.rect().bottomLeft()).y()


@pytest.mark.parametrize("size, presentation", [((910, 512), False), ((1366, 768), False), ((1366, 768), True)],
                         ids=["1366x768 at 150% text", "1366x768", "1366x768 presentation mode"])
def test_every_child_page_opens_at_its_top_with_the_faces_on_screen(qtbot, child_mode, shipped_look, size,
                                                                     presentation):
    """910x512 is what a 1366x768 laptop gives at 150% text (QT_SCALE_FACTOR=1.5)."""
    from tests.ui.input import wheel

    shipped_look("default", presentation)
    window, *_ = child_mode
    window.resize(*size)
    qtbot.wait(30)
    area = window.scroll
    bar = area.verticalScrollBar()
    scrolled = 0
    for index, (step, part) in enumerate(window.pages):
        if index:
            # the child had scrolled down the page before (the wheel over the margin beside the text)
            wheel(qtbot, window.body, -10, at=QPoint(window.body.width() - 3, window.body.height() // 2))
            scrolled += bar.value() > 0
            qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
        qtbot.wait(5)
        assert window.index == index and bar.value() == 0, f"page {index} did not open at its top"
        first = window.question if part == "say" else window.topic_heading
        assert first.isVisible() and _top_of(first, area) >= 0
        if part == "feel":
            faces = window.faces
            assert faces.isVisible()
            assert _top_of(faces, area) >= 0 and _bottom_of(faces, area) <= area.viewport().height(), (
                f"on page {index} the faces are not all on screen without scrolling")
    if size == (910, 512) or presentation:
        assert scrolled > 5  # the small screen did make pages scroll, so opening at the top was tested


def test_the_interview_says_when_its_template_is_a_draft(qtbot, session, household):
    child = household.children[0]
    iv = session.start_interview(household, child, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 20))
    page, _ = page_for(qtbot, session, household, child, iv)
    assert page.draft_label.isVisible() and "draft, not yet approved for use" in page.draft_label.text()


# --------------------------------------------------------------------------- safe asking (issue 12)


def test_the_first_stage_gives_the_opening_to_say_and_asks_if_they_were_seen_alone(qtbot, session, household):
    child = household.children[0]
    iv = session.start_interview(household, child, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 20))
    page, _ = page_for(qtbot, session, household, child, iv)
    assert page.stage_index == 0
    text = page.opening_label.text()
    assert "no right or wrong answers" in text and "pass" in text and "not be safe" in text
    yes = page.alone_buttons[True]
    assert page.alone_buttons[None].isChecked()  # not recorded until the practitioner says
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton, pos=QPoint(8, yes.height() // 2))
    assert session.store.load_case(household.id).children[0].interviews[0].seen_alone is True
    page.go_to_stage(1)
    assert not page.findChild(QWidget, "openingBox")  # only before the first question


def test_a_teenagers_opening_says_they_are_never_left_to_fill_it_in_alone(qtbot, session, household):
    teen = Child("Jay Fictional", date_of_birth=date(2011, 2, 2))
    household.children.append(teen)
    session.save_case(household)
    iv = session.start_interview(household, teen, Perspective(PerspectiveKind.CHILD), "teenager", date(2026, 11, 20))
    page, _ = page_for(qtbot, session, household, teen, iv)
    assert "will not be left to fill this in on your own" in page.opening_label.text()
    assert "Childline" in page.opening_label.text()


def test_something_disclosed_is_recorded_word_for_word_with_the_question_and_the_next_steps(
        qtbot, session, household):
    child = household.children[0]
    iv = session.start_interview(household, child, Perspective(PerspectiveKind.CHILD), "primary", date(2026, 11, 20))
    page, shell = page_for(qtbot, session, household, child, iv)
    page.go_to_stage(next(i for i, s in enumerate(page.template.stages) if s.id == "night"))
    card = page.cards[0]
    qtbot.keyClicks(card.text, "I hear them")
    assert page.disclosure_button.isVisible()  # in the bar, beside "Hand to the child"
    qtbot.mouseClick(page.disclosure_button, Qt.MouseButton.LeftButton)
    window = page.disclosure_window
    assert window.isVisible() and window.asked.text() == card.question_text
    steps = window.steps.text()
    for must in ("999", "Do not promise to keep it secret", "manager or your safeguarding lead today",
                 "Stop when you know enough", "Childline"):
        assert must in steps
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)  # nothing written yet: refused
    assert "Write down what was said" in window.message.text()
    qtbot.keyClicks(window.words, "He said if I tell anyone I'll be taken away")
    qtbot.mouseClick(window.save_button, Qt.MouseButton.LeftButton)
    assert "Saved with this interview" in window.message.text() and not window.save_button.isEnabled()
    [d] = session.store.load_case(household.id).children[0].interviews[0].disclosures
    assert d.words == "He said if I tell anyone I'll be taken away" and d.asked == card.question_text
    assert d.topic_key == card.key
    window.close()


def test_child_mode_opens_with_the_opening_for_the_childs_age(qtbot, child_mode):
    window, *_ = child_mode
    assert window.opening.isVisible() and "no right or wrong answers" in window.opening.text()
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert not window.opening.isVisible()  # said once, at the start
