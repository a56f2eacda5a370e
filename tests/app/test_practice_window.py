"""Practice mode from choosing a pupil to the saved record, through the real window."""

from __future__ import annotations

import subprocess

import docx
import pytest
from PySide6.QtCore import QPoint, Qt

from app.practice.practice_window import TAB_REFLECT, TAB_SIMULATE, PracticeWindow
from lessons.checker_model import PROFILE_FIX, TEXT_FIX
from lessons.presets import get_preset
from lessons.reflection import ReflectionStore
from lessons.scenarios import get_scenario

SCENARIO = "year10-dyslexia-visual-stress-inspector-calls"


@pytest.fixture
def window(qtbot, tmp_path) -> PracticeWindow:
    win = PracticeWindow(reflections=ReflectionStore(tmp_path / "log"))
    win.ask_save_before_closing = lambda: "discard"  # when the test ends
    qtbot.addWidget(win)
    win.resize(1500, 950)
    win.show()
    qtbot.waitExposed(win)
    return win


def choose_with_keyboard(qtbot, window: PracticeWindow, scenario_id: str) -> None:
    chooser = window.chooser
    row = next(i for i, s in enumerate(chooser.scenarios) if s.id == scenario_id)
    chooser.list.setCurrentRow(0)
    for _ in range(row):
        qtbot.keyClick(chooser.list, Qt.Key.Key_Down)
    qtbot.mouseClick(chooser.start_button, Qt.MouseButton.LeftButton)


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_the_whole_practice_flow_is_saved_with_scores_and_reflections(qtbot, window) -> None:
    scenario = get_scenario(SCENARIO)
    assert window.pages.currentWidget() is window.chooser
    choose_with_keyboard(qtbot, window, SCENARIO)
    assert window.scenario() == scenario
    # The lesson opens unadapted.
    assert window.workbench.profile().name == "Standard"
    assert window.profile_combo.currentText() == "Standard"
    assert window.editor.text() == scenario.lesson_path.read_text(encoding="utf-8")
    before = window.workbench.scores()
    assert window.checker.score_label("dyslexia") == (
        f"Dyslexia: {before['dyslexia']} → {before['dyslexia']} (±0)")

    # The teacher tries the pupil's first suggested preset, then fixes from the checker.
    click(qtbot, window.suggestion_buttons[0])
    assert window.workbench.profile() == get_preset(scenario.presets[0])
    assert window.profile_combo.currentText() == scenario.presets[0]
    after_preset = window.workbench.scores()["dyslexia"]
    assert after_preset > before["dyslexia"]
    for _ in range(2):
        button = next(b for b in window.checker.fix_buttons()
                      if b.property("fix").kind == PROFILE_FIX)
        click(qtbot, button)
    assert window.profile_combo.currentText() == f"{scenario.presets[0]} (adapted)"
    assert window.workbench.scores()["dyslexia"] >= after_preset

    # Reflections, typed into the boxes.
    window.tabs.setCurrentIndex(TAB_REFLECT)
    assert window.reflections.prompts() == scenario.reflection_prompts
    assert "Dyslexia" in window.reflections.summary.text()
    answers = []
    for number, edit in enumerate(window.reflections.answer_edits(), start=1):
        qtbot.mouseClick(edit.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
        answers.append(f"Reflection {number}: bigger, bolder text helped.")
        qtbot.keyClicks(edit, answers[-1])
    click(qtbot, window.reflections.save_button)
    assert "Saved in your reflection log" in window.reflections.status.text()

    sessions = window.reflection_store.sessions()
    assert len(sessions) == 1
    session = sessions[0]
    assert session.scenario_id == SCENARIO
    assert session.scores_before == {k: float(v) for k, v in before.items()}
    assert session.scores_before["dyslexia"] < session.scores_after["dyslexia"]
    assert sum(session.scores_before.values()) < sum(session.scores_after.values())
    assert [r.answer for r in session.reflections] == answers
    assert [r.question for r in session.reflections] == list(scenario.reflection_prompts)
    assert session.profile_before == "Standard"
    assert session.setting_changes  # the preset's changes, in words

    # Saving again replaces the same record rather than adding another.
    window.save_session()
    assert len(window.reflection_store.sessions()) == 1


def test_a_text_fix_in_practice_changes_the_lesson_text(qtbot, window) -> None:
    window.start_scenario(SCENARIO)
    original = window.editor.text()
    button = next(b for b in window.checker.fix_buttons() if b.property("fix").kind == TEXT_FIX)
    fix = button.property("fix")
    click(qtbot, button)
    assert window.editor.text() != original
    assert fix.replace[1] in window.editor.text().splitlines()[fix.line - 1]
    session = window.finish_session()
    assert session.text_changes.changed == 1


def test_f8_flips_the_simulation_between_unadapted_and_adapted(qtbot, window) -> None:
    window.start_scenario(SCENARIO)
    window.choose_profile("Dyslexia")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.simulation_panel.switch("blur").setChecked(True)
    assert window.overlay.settings().strengths["blur"] > 0
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert window.tabs.currentIndex() == TAB_SIMULATE
    assert window.simulation_label.text().startswith("Unadapted lesson")
    assert window.simulation_view.profile().name == "Standard"
    assert window.simulation_view.lesson() is window.run.original
    qtbot.keyClick(window, Qt.Key.Key_F8)
    assert window.simulation_label.text().startswith("Adapted lesson: Dyslexia")
    assert window.simulation_view.profile() == window.workbench.profile()
    # The simulation stayed on through both flips, and says it is an approximation.
    assert window.overlay.settings().strengths["blur"] > 0
    assert "approximations" in window.simulation_panel.statement.text()


def test_export_as_a_word_document_plain_text_and_pdf(qtbot, window, tmp_path) -> None:
    window.start_scenario(SCENARIO)
    window.choose_profile("Dyslexia")
    window.tabs.setCurrentIndex(TAB_REFLECT)
    window.reflections.answer_edits()[0].setPlainText("I chose a cream page first.")
    asked = []

    def answer(fmt, suggestion):
        asked.append((fmt, suggestion))
        return str(tmp_path / suggestion)

    window.ask_export_path = answer
    click(qtbot, window.reflections.export_docx_button)
    click(qtbot, window.reflections.export_pdf_button)
    session = window.reflection_store.sessions()[0]
    # The name to suggest: the lesson and the day, the British way, safe on any system.
    month = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")[session.started.month - 1]
    day = f"{session.started.day} {month} {session.started.year}"  # not %B: Qt sets a locale
    word = f"Reflection - An Inspector Calls - Arthur Birling - {day}.docx"
    assert asked == [("docx", word), ("pdf", word.replace(".docx", ".pdf"))]

    document = docx.Document(str(tmp_path / word))
    texts = [(p.style.name, p.text) for p in document.paragraphs]
    question = f"1. {get_scenario(SCENARIO).reflection_prompts[0]}"
    assert texts[texts.index(("Heading 3", question)) + 1] == (
        "Normal", "I chose a cream page first.")
    dyslexia = next(row for row in document.tables[0].rows if row.cells[0].text == "Dyslexia")
    assert [c.text for c in dyslexia.cells[1:3]] == [
        f"{session.scores_before['dyslexia']:.0f}", f"{session.scores_after['dyslexia']:.0f}"]
    text = subprocess.run(["pdftotext", str(tmp_path / word.replace(".docx", ".pdf")), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "I chose a cream page first." in text
    assert "Exported to" in window.reflections.status.text()

    # Plain text is the Word box's second choice: the name's ending decides.
    out = window.export("docx", tmp_path / "for the CPD form.txt")
    assert out == tmp_path / "for the CPD form.txt"
    plain = out.read_text(encoding="utf-8")
    assert f"{question}\n\nI chose a cream page first.\n" in plain
    assert "**" not in plain and "|" not in plain


def test_cancelling_an_export_writes_nothing(window, tmp_path) -> None:
    window.start_scenario(SCENARIO)
    window.ask_export_path = lambda fmt, suggestion: None
    assert window.export("docx") is None
    assert not list(tmp_path.glob("*.docx"))


def test_the_profile_editor_adapts_live(qtbot, window) -> None:
    window.start_scenario(SCENARIO)
    editor = window.edit_profile()
    qtbot.addWidget(editor)
    editor.form.font_size.setValue(20.0)  # as the teacher's spin box would
    assert window.workbench.profile().font_size_pt == 20.0
    assert window.editor.preview.profile().font_size_pt == 20.0
    editor.confirm = lambda question: True
    editor.close()


def test_trainer_mode_shows_this_session(qtbot, window) -> None:
    window.start_scenario(SCENARIO)
    window.choose_profile("Dyslexia")
    trainer = window.open_trainer(present=False)
    qtbot.addWidget(trainer)
    assert trainer.content.adapted_profile == window.workbench.profile()
    assert trainer.content.scores_after == window.workbench.scores()
    trainer.go_to(3)
    before = round(trainer.content.scores_before["dyslexia"])
    after = round(trainer.content.scores_after["dyslexia"])
    assert trainer.score_labels["dyslexia"].text() == \
        f"Dyslexia: {before} → {after} (+{after - before})"


def test_back_to_the_list_and_another_pupil(qtbot, window) -> None:
    window.start_scenario(SCENARIO)
    window.show_chooser()
    assert window.pages.currentWidget() is window.chooser
    window.start_scenario("year4-low-vision-water-cycle")
    assert window.scenario().name == "Maya"
    assert window.workbench.profile().name == "Standard"
    assert window.reflections.prompts() == get_scenario("year4-low-vision-water-cycle")\
        .reflection_prompts


def test_closing_with_unsaved_work_asks_first(qtbot, window) -> None:
    window.start_scenario(SCENARIO)
    asked: list[str] = []
    window.ask_save_before_closing = lambda: asked.append("asked") or "cancel"
    assert not window.has_unsaved_work()  # nothing changed yet
    window.choose_profile("Dyslexia")
    assert window.has_unsaved_work()
    assert not window.close()
    assert asked == ["asked"] and window.isVisible()
    window.ask_save_before_closing = lambda: "save"
    assert window.close()
    assert len(window.reflection_store.sessions()) == 1
    assert not window.has_unsaved_work()


def test_the_save_box_opens_where_the_last_record_went(window, tmp_path, monkeypatch) -> None:
    cpd = tmp_path / "CPD folder"
    cpd.mkdir()
    starts, answers = [], [str(cpd / "first.docx"), ""]

    def dialog(_parent, _caption, start, _filters, _selected=""):
        starts.append(start)
        return answers.pop(0), "Word document (*.docx)"

    monkeypatch.setattr("widgets.save_as.QFileDialog.getSaveFileName", dialog)
    window.start_scenario(SCENARIO)
    assert window.ask_export_path("docx", "Reflection.docx") == str(cpd / "first.docx")
    assert window.ask_export_path("pdf", "Reflection.pdf") is None
    assert starts[1] == str(cpd / "Reflection.pdf"), "the folder chosen the time before"
