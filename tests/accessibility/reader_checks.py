"""What a screen-reader user needs from the controls on the bus, as checks on a walk.

Each check returns a list of :class:`Problem`; an empty list means a reader
user gets what a sighted user gets. A problem names its place as a reader
would find it (the window, the named parts around it) and Qt's object path
(the AT-SPI accessible id) for the developer.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tests.accessibility.reader import Walk

# The roles of things a user operates, as libatspi names them. Scroll bars are
# left out: they belong to a scrolling area and take no Tab stop.
CONTROL_ROLES = {
    "push button", "toggle button", "check box", "radio button", "combo box", "text",
    "entry", "password text", "spin button", "slider", "dial", "list", "list box", "tree",
    "tree table", "table", "page tab list", "page tab", "menu item", "check menu item",
    "radio menu item",
}
MENU_ROLES = {"menu item", "check menu item", "radio menu item"}
# The items of a list, table or tree are content: their text is their name, and a
# table's empty cell is rightly empty.
ITEM_ROLES = {"list item", "table cell", "tree item", "table row", "table column header",
              "table row header"}

# For each kind of Qt control (tests/accessibility/show_for_reader.kind_of), the
# roles a reader may rightly be told. A checkable button is announced by Qt as
# a check box ("Side by side, check box, not checked"), which says what it does.
EXPECTED_ROLES = {
    "button": {"push button"},
    "toggle": {"toggle button", "check box"},
    "check box": {"check box"},
    "radio button": {"radio button"},
    "combo box": {"combo box"},
    "spin box": {"spin button"},
    "slider": {"slider"},
    "text field": {"text", "entry", "password text"},
    "text area": {"text"},
    # Qt's AT-SPI bridge gives every QTextBrowser (the lesson views, About) the
    # static-text role, "label", whatever the app does; a reader still reads it
    # line by line through its Text interface, which text_not_readable() checks.
    "text browser": {"label", "text", "document text", "document frame"},
    "list": {"list", "list box"},
    "tree": {"tree", "tree table", "table", "list"},
    "table": {"table", "tree table"},
    "tab bar": {"page tab list"},
}

_OBJECT_NAME = re.compile(
    r"^(qt_\w*|[a-z]+(_[a-z0-9]+)+|[a-z]+([A-Z][a-z0-9]*)+|Q[A-Z][A-Za-z]+)$")
# Words of two letters or more, or a number ("100%" is read as "100 percent").
_WORD = re.compile(r"[^\W\d_]{2,}|\d")
_SPACE = re.compile(r"\s+")
TEXT_START = 40  # characters of a text area that must reach the reader as they are


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one control, in words."""

    window: str
    where: str
    role: str
    name: str
    what: str
    id: str

    def key(self) -> tuple[str, str, str]:
        """How a known gap is listed: (window, Qt object path, what is wrong)."""
        return (self.window, self.id, self.what)

    def __str__(self) -> str:
        return f"{self.where}: {self.role} {self.name!r} {self.what}   [{self.id}]"


def name_problem(name: str) -> str | None:
    """Why ``name`` does not say what a control is in plain words; None if it does."""
    text = name.strip()
    if not text:
        return "has no name"
    if _OBJECT_NAME.match(text):
        return "is named by its object name, not in words"
    if not _WORD.search(text):
        return "is named only by a symbol"
    return None


def _ancestors(walk: Walk, node: dict) -> list[dict]:
    by_index = {n["index"]: n for n in walk.nodes}
    chain = []
    parent = by_index.get(node["parent"])
    while parent is not None:
        chain.append(parent)
        parent = by_index.get(parent["parent"])
    return list(reversed(chain))


def place(walk: Walk, node: dict) -> str:
    """Where ``node`` is, as the names a reader hears on the way to it."""
    names = [a["name"] for a in _ancestors(walk, node) if a["name"]]
    return " > ".join(dict.fromkeys(names)) or walk.window


def _in_combo_popup(walk: Walk, node: dict) -> bool:
    # A combo box's pop-up list is announced through the combo box itself.
    return any(a["role"] == "combo box" for a in _ancestors(walk, node))


def _problem(walk: Walk, node: dict, what: str) -> Problem:
    return Problem(walk.window, place(walk, node), node["role"], node["name"], what, node["id"])


def controls(walk: Walk) -> list[dict]:
    """What a reader user can reach and operate: shown controls, anything else shown
    that takes the keyboard focus (a Tab stop), and every menu's items."""
    found = []
    for node in walk.nodes:
        role, states = node["role"], node["states"]
        if role in ITEM_ROLES or _in_combo_popup(walk, node) or role == "separator":
            continue
        if role in MENU_ROLES:
            found.append(node)
        elif "showing" in states and (role in CONTROL_ROLES or "focusable" in states):
            found.append(node)
    return found


def unnamed_controls(walk: Walk) -> list[Problem]:
    """Controls with no name, a symbol for a name, or an object name.

    A combo box is the exception that proves the rule: on Linux Qt gives the
    item chosen as its name ("Standard"), whatever its accessible name, and
    a reader says what it is for from its label: Qt reports a QLabel whose
    buddy it is as a labelled-by relation. So a combo box needs that label.
    """
    problems = []
    for node in controls(walk):
        if node["role"] == "combo box":
            labels = [label for label in node["labelled_by"] if not name_problem(label)]
            if not labels:
                problems.append(_problem(walk, node, "has no label saying what it is for"))
            continue
        why = name_problem(node["name"])
        if why:
            problems.append(_problem(walk, node, why))
    return problems


def wrong_roles(walk: Walk) -> list[Problem]:
    """Qt's shown controls that reached the bus with another role or checked state.

    Each control Qt reports (by its accessible name) must have a node of that
    name with a role its kind allows; a checkable one must say it is checkable
    and whether it is checked, as Qt has it. Unnamed controls are left to
    :func:`unnamed_controls`.
    """
    problems = []
    on_bus = Counter()
    for node in walk.nodes:
        on_bus[(node["name"], node["role"], "checkable" in node["states"],
                "checked" in node["states"])] += 1
    wanted = Counter()
    for widget in walk.widgets:
        if widget["name"].strip():
            wanted[(widget["name"], widget["kind"], widget["checkable"], widget["checked"])] += 1
    for (name, kind, checkable, checked), count in sorted(wanted.items()):
        roles = EXPECTED_ROLES[kind]
        matching = sum(n for (n_name, role, n_checkable, n_checked), n in on_bus.items()
                       if n_name == name and role in roles
                       and (not checkable or (n_checkable and n_checked == checked)))
        if matching >= count:
            continue
        seen = sorted({f"{role}{' checkable' if c else ''}{' checked' if k else ''}"
                       for (n_name, role, c, k) in on_bus if n_name == name})
        want = " or ".join(sorted(roles))
        if checkable:
            want += f", checkable and {'checked' if checked else 'not checked'}"
        what = (f"should reach the reader as {want}; "
                f"the reader gets {', '.join(seen) if seen else 'nothing by that name'}")
        problems.append(Problem(walk.window, walk.window, kind, name, what,
                                _class_of(walk, name)))
    return problems


def _plain_text(text: str) -> str:
    # U+FFFC stands for a picture in Qt's text; line breaks may come as U+2029.
    return _SPACE.sub(" ", text.replace("\ufffc", " ").replace("\u2029", " ")).strip()


def text_not_readable(walk: Walk) -> list[Problem]:
    """Text areas (a lesson, the dictated text) whose words a reader cannot read.

    The start of each shown text area's text, as Qt has it, must come back
    through the AT-SPI Text interface of the node of the same name.
    """
    problems = []
    for widget in walk.widgets:
        start = _plain_text(widget.get("text", ""))[:TEXT_START]
        if widget["kind"] not in ("text area", "text browser") or not start \
                or not widget["name"].strip():
            continue
        read = [_plain_text(n["text"] or "") for n in walk.nodes if n["name"] == widget["name"]
                and "Text" in n["interfaces"]]
        if not any(text.startswith(start) for text in read):
            got = f"reads {read[0][:TEXT_START]!r}" if read else "has no text to read"
            problems.append(Problem(walk.window, walk.window, widget["kind"], widget["name"],
                                    f"should read {start!r}; the reader {got}",
                                    widget["class"]))
    return problems


# The roles Orca takes for a window (its script_utilities.topLevelObject): in
# anything else it finds no window round the focus, so Insert+T (read the title)
# has nothing to say.
WINDOW_ROLES = {"frame", "dialog", "alert", "window", "file chooser"}


def window_role(walk: Walk) -> list[Problem]:
    """The window itself, when it reaches the reader with a role that is not a window's
    (Qt gives a plain QWidget shown as a window "filler")."""
    top = walk.nodes[0]
    if top["role"] in WINDOW_ROLES:
        return []
    return [_problem(walk, top, f"is a window but reaches the reader as {top['role']}, "
                                "not a frame or dialog")]


LABEL_ROLES = {"label", "static", "heading", "caption"}
# Labels that say what they show in other words, on purpose (the end of their Qt
# object path): the symbols key's description says "two hashes and a space start a
# heading…" for "## heading"; the microphone level says "Good", not "Good (−18 dB)",
# a number that changes faster than a reader could follow.
SAID_IN_OTHER_WORDS = ("LessonEditor.QSplitter.QWidget.MarkupKey", "LevelMeter.ValueLabel")
WORDS_HEARD = 8  # of a label's first words, that a reader must get in order
_WORDS = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return [word.lower() for word in _WORDS.findall(text)]


def _has_run(words: list[str], run: list[str]) -> bool:
    return any(words[i:i + len(run)] == run for i in range(len(words) - len(run) + 1))


def words_not_heard(walk: Walk) -> list[Problem]:
    """Shown labels whose words a reader cannot get: Qt gives a QLabel no Text interface
    over AT-SPI, so a label reaches a reader only by its name and description, and a
    fixed name ("Your task", "Message") hides what it shows.

    The first words of each label (as Qt has them: ``walk.labels``) must be in the name
    or description of a label of its name on the bus, or of a part round it (a window
    whose description says what its labels show). A label that is not on the bus at all
    (one laid over a list) needs its words on some other object, such as the list. A
    label cut short with "…" needs only the words before the cut.
    """
    problems = []
    for label in walk.labels:
        words = _words(label["text"])
        if label["text"].endswith("…"):
            words = words[:-1]
        run = words[:WORDS_HEARD]
        if not run:
            continue
        nodes = [n for n in walk.nodes if n["role"] in LABEL_ROLES and n["name"] == label["name"]]
        if any(n["id"].endswith(SAID_IN_OTHER_WORDS) for n in nodes):
            continue
        around = [a for n in nodes for a in [n, *_ancestors(walk, n)]] if nodes else walk.nodes
        if any(_has_run(_words(f"{n['name']} {n['description']}"), run) for n in around):
            continue
        node = nodes[0] if nodes else walk.nodes[0]
        shown = label["text"] if len(label["text"]) <= 60 else label["text"][:59] + "…"
        problems.append(Problem(walk.window, place(walk, node), "label", label["name"],
                                f"shows {shown!r}, which the reader never gets",
                                node["id"] if nodes else label["class"]))
    return problems


def _class_of(walk: Walk, name: str) -> str:
    return next((w["class"] for w in walk.widgets if w["name"] == name), "")


def check_all(walk: Walk) -> list[Problem]:
    """Every check on one walk."""
    return (window_role(walk) + unnamed_controls(walk) + wrong_roles(walk)
            + text_not_readable(walk) + words_not_heard(walk))


# ----- the tests' verdicts ------------------------------------------------------------------


def verdict(walks: list[Walk], known_gaps: dict[tuple[str, str, str], str]) -> str:
    """What is wrong over all ``walks``, as a message; "" when nothing is.

    ``known_gaps`` are problems already reported and left for another change,
    each with the reason: they must still be there (a gap that has been fixed
    is named, so it leaves the list), and nothing else may be.
    """
    assert walks and all(controls(walk) for walk in walks), "a state with no controls to check"
    found: dict[tuple, Problem] = {}
    for walk in walks:
        for problem in check_all(walk):
            found.setdefault((*problem.key(), problem.where, problem.name), problem)
    keys = {problem.key() for problem in found.values()}
    new = [problem for problem in found.values() if problem.key() not in known_gaps]
    fixed = [key for key in known_gaps if key not in keys]
    lines = []
    if new:
        lines.append("A screen-reader user meets these over AT-SPI:")
        lines += [f"  {problem}" for problem in new]
    if fixed:
        lines.append("These known gaps are no longer there; take them off the list:")
        lines += [f"  {key}" for key in fixed]
    return "\n".join(lines)


POLITENESS = {False: 1, True: 2}  # AT-SPI's ATSPI_LIVE_POLITE and ATSPI_LIVE_ASSERTIVE


def unheard(said: list[dict], heard: list[dict], known_gaps: dict[str, str]) -> str:
    """The messages the app showed that no ``object:announcement`` carried to the
    reader (with the right politeness); "" when every one arrived. ``known_gaps``
    maps a message to the reason it is not announced yet; each must still be unheard."""
    assert said, "the app said nothing to check"
    announced = {(e["data"], e["detail1"]) for e in heard if e["type"] == "object:announcement"}
    missing = [s for s in said if (s["text"], POLITENESS[s["assertive"]]) not in announced]
    new = [s for s in missing if s["text"] not in known_gaps]
    fixed = [text for text in known_gaps if text not in {s["text"] for s in missing}]
    lines = []
    if new:
        lines.append("Shown but never announced to a screen reader (object:announcement):")
        lines += [f"  {s['text']!r} ({'assertive' if s['assertive'] else 'polite'})" for s in new]
        other = sorted({(e["type"], e["source"], e["role"]) for e in heard
                        if e["data"] in {s["text"] for s in new}})
        if other:
            lines.append("  the reader got only: " + "; ".join(
                f"{kind} on {role} {source!r}" for kind, source, role in other))
    if fixed:
        lines.append("These known gaps are announced now; take them off the list:")
        lines += [f"  {text!r}" for text in fixed]
    return "\n".join(lines)
