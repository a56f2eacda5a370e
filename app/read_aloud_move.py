"""Moving read aloud to another lesson view, carrying a reading on there.

A mixin for ``ReadAloudController`` (app/read_aloud.py), which holds the
state these methods read and change: the view, the plan being read, the
sentence and word reached. For presenting: the window lends read aloud the
projector's view while it shows and gives it the main view back after
(app/main_projector.py). The words being read are found in the new view's
text (``find_place`` in app/read_aloud_text.py), turning its page in focus
mode, and the reading goes on from the word being read.
"""

from __future__ import annotations

from app.read_aloud_text import all_sentences, find_place, plan_from, plan_selection


class MoveToView:
    """The controller's ``move_to_view`` (mixed into ReadAloudController)."""

    def move_to_view(self, view) -> None:
        """Read ``view`` from now on, carrying a reading of the old view on there.

        For presenting: the projector's view while it shows, the main view again
        after. A reading of the old view goes on in ``view`` from the word being
        read (paused, it stays paused there), its highlight drawn there; in focus
        mode ``view`` turns to the page with that word. When the words are not in
        ``view`` at all, the reading stops. A key word or read back carries on.
        """
        if view is self._view:
            return
        if not self.is_speaking() or not self._reading_the_view() or self._plan is None:
            self._switch_view(view)
            return
        plan, old = self._plan, self._plan.document.text
        word = self.highlighter.word()
        sentence = plan.sentences[min(self._sentence, len(plan.sentences) - 1)]
        position = word[0] if word else sentence.start
        last = plan.sentences[-1]
        to_end = self._whole_lesson or last.end >= all_sentences(plan.document)[-1].end
        self._turning = True  # pages turned to find the place must not stop the reading
        try:
            self._switch_view(view)
            place = self._find_place(old, position)
        finally:
            self._turning = False
        if place is None:
            self.stop()
            self.status_changed.emit(self.tr(
                "Reading stopped: the words being read are not shown here."))
            return
        new = self._snapshot()
        if to_end:
            moved = plan_from(new, place)
        else:
            last_start = find_place(old, new.text, last.start)
            end = len(new.text) if last_start is None else last_start + last.end - last.start
            moved = plan_selection(new, place, end)
        if not moved:
            self.stop()
            return
        if self.is_paused():
            # Nothing is heard while paused: the new place waits for resume.
            self._generation = self._worker.supersede()
            self._plan, self._document, self._sentence = moved, view.document(), 0
            self._settings_changed = True  # resume reads it from here
            here = moved.sentences[0]
            self.highlighter.show_word(place, (word[1] - word[0]) if word else 0,
                                       (here.start, here.end))
            return
        self._read_view(moved, whole_lesson=self._whole_lesson)

    def _find_place(self, old: str, position: int) -> int | None:
        """``position`` in text ``old``, found in the view (turning its page in focus mode)."""
        view = self._view
        place = find_place(old, self._snapshot().text, position)
        if place is not None or view.lesson() is None or not view.profile().focus_mode:
            return place
        here = view.section_index()
        for index in range(view.section_count()):
            if index != here:
                view.go_to_section(index)
                place = find_place(old, self._snapshot().text, position)
                if place is not None:
                    return place
        view.go_to_section(here)
        return None
