"""Lessons, profiles and pixel helpers shared by the lesson-view tests."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np

from lessons.model import (
    Image,
    Lesson,
    ListBlock,
    Paragraph,
    Section,
    Span,
    Table,
    Task,
    VocabularyEntry,
)
from lessons.profile import Colours, Profile

LIBRARY = Path(__file__).resolve().parents[2] / "lessons" / "library"
WATER_CYCLE_SVG = LIBRARY / "images" / "water-cycle.svg"

LONG_SENTENCE = (
    "The sun heats the water in the seas, lakes and rivers, and some of it rises "
    "into the air as an invisible gas that we call water vapour. "
)


def sample_lesson(paragraphs: int = 3) -> Lesson:
    """A small lesson with every kind of block, styled spans and key words."""
    body = tuple(
        Paragraph((Span(LONG_SENTENCE * 3),), line=10 + i) for i in range(paragraphs)
    )
    return Lesson(
        title="The water cycle",
        subject="Geography",
        key_stage="KS2",
        year_group="Year 4",
        objectives=("Describe the stages of the water cycle.",),
        vocabulary=(
            VocabularyEntry("evaporation", "When water warms up and turns into a gas."),
            VocabularyEntry("condensation", "When water vapour cools and turns back into drops."),
        ),
        sections=(
            Section("", 2, (Paragraph((Span("Where does rain come from?"),), 5),), 5),
            Section(
                "Evaporation",
                2,
                (
                    Paragraph(
                        (
                            Span("This is called "),
                            Span("evaporation", bold=True),
                            Span(". Read it "),
                            Span("slowly", italic=True),
                            Span(" and "),
                            Span("carefully", underline=True),
                            Span(". STOP AND THINK about it."),
                        ),
                        8,
                    ),
                    *body,
                    ListBlock(((Span("the sun"),), (Span("the sea"),)), False, 20),
                    Table(
                        ((Span("Stage"),), (Span("What happens"),)),
                        (((Span("Condensation"),), (Span("Clouds form"),)),),
                        22,
                    ),
                    Image("images/water-cycle.svg", "A diagram of the water cycle", 25,
                          WATER_CYCLE_SVG),
                    Task("task", (Span("Draw the water cycle."),), 27),
                ),
                7,
            ),
            Section("Condensation", 2, (Paragraph((Span("Clouds are made of drops."),), 30),),
                    29),
            Section("In the sky", 3, (Paragraph((Span("Up high it is cold."),), 33),), 32),
        ),
    )


def standard() -> Profile:
    """The Standard profile as the data types define it."""
    return Profile()


def yellow_on_black(**changes) -> Profile:
    """Yellow text on black, as the high-contrast preset has it."""
    colours = Colours(text="#ffff00", background="#000000", heading="#ffffff",
                      link="#00ffff", highlight="#1f1fa8", ruler="#ffffff")
    return replace(Profile(name="Yellow on black", colours=colours), **changes)


def pixels(widget) -> np.ndarray:
    """The widget as painted, an (height, width, 3) array of RGB values."""
    from PySide6.QtGui import QImage

    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    rows = data.reshape(height, image.bytesPerLine())[:, : width * 3]
    return rows.reshape(height, width, 3).astype(int)


def near(array: np.ndarray, hex_colour: str, tolerance: int = 40) -> np.ndarray:
    """A boolean mask of the pixels within ``tolerance`` of a colour."""
    rgb = np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)])
    return np.abs(array - rgb).max(axis=2) <= tolerance


def make_view(qtbot, lesson: Lesson | None = None, profile: Profile | None = None,
              size: tuple[int, int] = (800, 600)):
    """A LessonView on screen (offscreen platform) showing ``lesson`` with ``profile``."""
    from widgets.lesson_view import LessonView

    view = LessonView()
    qtbot.addWidget(view)
    view.resize(*size)
    view.set_profile(profile or standard())
    view.set_lesson(lesson if lesson is not None else sample_lesson())
    view.show()
    qtbot.waitExposed(view)
    return view
