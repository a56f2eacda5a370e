"""The screen-reader checks themselves, on small made-up trees (no bus, no app).

They show each check can fail: the AT-SPI tests pass only because the app
gives a reader what these checks ask for.
"""

from __future__ import annotations

import pytest

from tests.accessibility.reader import Walk
from tests.accessibility.reader_checks import (
    controls,
    name_problem,
    text_not_readable,
    unheard,
    unnamed_controls,
    verdict,
    window_role,
    words_not_heard,
    wrong_roles,
)


def node(index, parent, role, name="", states=("showing", "focusable"), **extra) -> dict:
    return {"index": index, "parent": parent, "role": role, "name": name, "description": "",
            "states": list(states), "id": f"QApplication.Window.{role}", "labelled_by": [],
            "interfaces": [], "text": None, "children": 0, **extra}


def walk_of(*nodes, widgets=()) -> Walk:
    return Walk("state", "Window", [node(0, -1, "frame", "Window", states=("showing",)), *nodes],
                list(widgets))


@pytest.mark.parametrize(("name", "why"), [
    ("", "has no name"), ("  ", "has no name"), ("×", "is named only by a symbol"),
    ("▶", "is named only by a symbol"), ("X", "is named only by a symbol"),
    ("qt_spinbox_lineedit", "is named by its object name, not in words"),
    ("saveButton", "is named by its object name, not in words"),
    ("QToolButton", "is named by its object name, not in words"),
    ("Search lessons", None), ("OK", None), ("100%", None), ("Fix: Use bold type", None),
])
def test_a_name_must_say_what_the_control_is_in_words(name, why):
    assert name_problem(name) == why


def test_only_what_a_user_reaches_is_a_control():
    walk = walk_of(
        node(1, 0, "push button", "Save"),
        node(2, 0, "push button", "", states=()),  # hidden: not reached
        node(3, 0, "combo box", "Standard"),
        node(4, 3, "list", ""),  # the combo box's pop-up list
        node(5, 0, "table cell", ""),  # content
        node(6, 0, "filler", ""),  # a Tab stop with no name
        node(7, 0, "menu item", "Open", states=()),  # in a closed menu
    )
    assert [n["index"] for n in controls(walk)] == [1, 3, 6, 7]


def test_a_combo_box_needs_a_label_as_its_name_is_its_choice():
    unlabelled = walk_of(node(1, 0, "combo box", "Standard"))
    labelled = walk_of(node(1, 0, "combo box", "Standard", labelled_by=["Profile:"]))
    assert [p.what for p in unnamed_controls(unlabelled)] == [
        "has no label saying what it is for"]
    assert unnamed_controls(labelled) == []


def test_a_window_must_reach_the_reader_as_a_window_not_a_filler():
    assert window_role(walk_of()) == []  # a frame
    filler = Walk("state", "Projector", [node(0, -1, "filler", "Projector")], [])
    assert [p.what for p in window_role(filler)] == [
        "is a window but reaches the reader as filler, not a frame or dialog"]


def test_a_toggle_must_reach_the_reader_checkable_with_its_state():
    toggle = {"kind": "toggle", "name": "Side by side", "checkable": True, "checked": True,
              "class": "QToolButton", "text": ""}
    unchecked = walk_of(node(1, 0, "check box", "Side by side",
                             states=("showing", "checkable")), widgets=[toggle])
    checked = walk_of(node(1, 0, "check box", "Side by side",
                           states=("showing", "checkable", "checked")), widgets=[toggle])
    as_button = walk_of(node(1, 0, "push button", "Side by side"), widgets=[toggle])
    assert "checkable and checked" in wrong_roles(unchecked)[0].what
    assert wrong_roles(checked) == []
    assert "the reader gets push button" in wrong_roles(as_button)[0].what


def test_a_lessons_words_must_come_back_through_the_text_interface():
    lesson = {"kind": "text browser", "name": "Lesson", "checkable": False, "checked": False,
              "class": "LessonView", "text": "The water cycle\n\nWater moves between..."}
    read = walk_of(node(1, 0, "label", "Lesson", interfaces=["Text"],
                        text="The water cycle\u2029\u2029Water moves between..."),
                   widgets=[lesson])
    silent = walk_of(node(1, 0, "label", "Lesson", interfaces=[]), widgets=[lesson])
    assert text_not_readable(read) == []
    assert "has no text to read" in text_not_readable(silent)[0].what


def test_a_known_gap_that_was_fixed_must_leave_the_list():
    walk = walk_of(node(1, 0, "push button", "Save"))
    gap = ("Window", "QApplication.Window.push button", "has no name")
    assert "take them off the list" in verdict([walk], {gap: "fixed elsewhere"})
    assert verdict([walk], {}) == ""


def test_a_message_counts_as_heard_only_as_an_announcement_of_its_politeness():
    said = [{"text": "Saved.", "assertive": False}, {"text": "Unplugged.", "assertive": True}]
    heard = [{"type": "object:announcement", "data": "Saved.", "detail1": 1,
              "source": "Message", "role": "panel"},
             {"type": "object:announcement", "data": "Unplugged.", "detail1": 1,
              "source": "Message", "role": "panel"}]
    assert "'Unplugged.' (assertive)" in unheard(said, heard, {})
    assert unheard(said[:1], heard, {}) == ""


def test_a_labels_words_must_reach_the_reader_by_its_name_or_what_is_round_it():
    task = {"text": "Your task: Adapt this lesson so Lily can follow it on the board.",
            "name": "Your task", "class": "QLabel"}
    named_alone = Walk("state", "Window", [node(0, -1, "frame", "Window", states=("showing",)),
                                           node(1, 0, "label", "Your task")], [], [task])
    assert [p.what for p in words_not_heard(named_alone)] == [
        "shows 'Your task: Adapt this lesson so Lily can follow it on the b…', which "
        "the reader never gets"]
    task_named = dict(task, name=task["text"])
    by_name = Walk("state", "Window", [node(0, -1, "frame", "Window", states=("showing",)),
                                       node(1, 0, "label", task["text"])], [], [task_named])
    assert words_not_heard(by_name) == []
    # A pop-up whose description says what its labels show; a label laid over a list
    # (not on the bus itself) whose words the list's description carries.
    word = {"text": "recount", "name": "Word", "class": "QLabel"}
    popup = Walk("state", "Key word", [
        dict(node(0, -1, "dialog", "Key word", states=("showing",)),
             description="recount: Writing that tells what happened."),
        node(1, 0, "label", "Word")], [], [word])
    assert words_not_heard(popup) == []
    empty = {"text": "No lessons match “rivers”.", "name": "", "class": "QLabel"}
    over_a_list = Walk("state", "Window", [
        node(0, -1, "frame", "Window", states=("showing",)),
        dict(node(1, 0, "list", "Lessons"), description="No lessons match “rivers”.")],
        [], [empty])
    assert words_not_heard(over_a_list) == []
