"""The lesson checker's values: needs, rules, fixes, findings and the report.

Plain immutable data, shared by the rule modules (``checker_rules_*.py``),
the checker itself (lessons/checker.py), the ``lesson-lab lessons review``
command and the app's checker panel.

Scoring (also in lessons/checker.py's docstring): every rule has a weight for
each need (VI, dyslexia, SLCN) and a cap, the most findings of that rule that
count. A finding may carry a smaller weight than its rule's (a failing ruler
colour matters less than failing body text). For each need::

    deduction(rule) = min(sum of its findings' weights, rule weight × rule cap)
    score = max(0, 100 − sum of deductions over all rules)

so one habit repeated forty times (italics, say) costs at most its cap, and a
lesson with no findings scores 100.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from lessons.readability import Readability

VI = "vi"
DYSLEXIA = "dyslexia"
SLCN = "slcn"
NEEDS = (VI, DYSLEXIA, SLCN)
NEED_LABELS = {
    VI: "Visual impairment",
    DYSLEXIA: "Dyslexia",
    SLCN: "Speech, language and communication needs",
}
NEED_SHORT = {VI: "VI", DYSLEXIA: "Dyslexia", SLCN: "SLCN"}

PROFILE_FIX = "profile"
TEXT_FIX = "text"


@dataclass(frozen=True)
class Rule:
    """One check from the guidance teachers are taught.

    ``weights`` maps a need (``"vi"``, ``"dyslexia"``, ``"slcn"``) to the points
    one finding of this rule takes off that need's score; needs not named lose
    nothing. ``cap`` is how many findings of this rule count at most.
    """

    id: str  # "WCAG-1.4.3"
    title: str  # "WCAG 1.4.3 Contrast (minimum)"
    guidance: str  # where it comes from: "WCAG 2.2", "RNIB Clear Print", …
    why: str  # one plain sentence for teachers
    weights: Mapping[str, int]
    cap: int = 1
    # The title in a teacher's words ("Contrast between text and background"), when
    # ``title`` names a standard ("WCAG 1.4.3 Contrast (minimum)"); "" when the
    # title is plain already. Windows show this; the command line shows ``title``.
    plain_title: str = ""

    def __hash__(self) -> int:  # weights is a dict; a rule is known by its id
        return hash(self.id)

    @property
    def heading(self) -> str:
        """The rule as a window shows it: its plain title, else its title."""
        return self.plain_title or self.title

    @property
    def source(self) -> str:
        """The standard behind a plainly titled rule ("WCAG 1.4.12 Text spacing"), else ""."""
        return self.title if self.plain_title else ""

    def max_deduction(self, need: str) -> int:
        """The most this rule can take off ``need``'s score."""
        return self.weights.get(need, 0) * self.cap

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "id": self.id,
            "title": self.title,
            "guidance": self.guidance,
            "why": self.why,
            "weights": dict(self.weights),
            "cap": self.cap,
        }


@dataclass(frozen=True)
class Fix:
    """A one-click fix, as data.

    - ``kind="profile"``: ``changes`` are profile settings to set, e.g.
      ``{"line_height": 1.5}`` or ``{"colours": {"background": "#fdf6e3"}}``;
      apply with :func:`lessons.checker.apply_fix`.
    - ``kind="text"``: on file line ``line`` of the lesson's Markdown, replace
      the first ``replace[0]`` with ``replace[1]``; apply with
      :func:`lessons.checker.apply_text_fix`.

    ``label`` says what the fix does, in plain words, for a button.
    """

    kind: str
    label: str
    changes: Mapping[str, Any] = field(default_factory=dict)
    line: int | None = None
    replace: tuple[str, str] | None = None

    def __post_init__(self) -> None:
        if self.kind == PROFILE_FIX:
            if not self.changes:
                raise ValueError("a profile fix needs changes")
        elif self.kind == TEXT_FIX:
            if self.line is None or self.replace is None or not self.replace[0]:
                raise ValueError("a text fix needs a line and text to replace")
        else:
            raise ValueError(f"unknown kind of fix: {self.kind!r}")

    def __hash__(self) -> int:  # changes is a dict; hash its JSON form
        return hash((self.kind, self.label, self.line, self.replace, _frozen(self.changes)))

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON, in the shape :meth:`from_dict` reads."""
        if self.kind == PROFILE_FIX:
            return {"kind": self.kind, "label": self.label, "changes": _plain(self.changes)}
        assert self.replace is not None
        return {
            "kind": self.kind,
            "label": self.label,
            "line": self.line,
            "replace": list(self.replace),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Fix:
        """A fix from :meth:`to_dict`'s data; ``ValueError`` when it is not one."""
        kind = data.get("kind")
        label = str(data.get("label", ""))
        if kind == PROFILE_FIX:
            changes = data.get("changes")
            if not isinstance(changes, Mapping):
                raise ValueError("a profile fix needs changes")
            return cls(PROFILE_FIX, label, changes=dict(changes))
        replace = data.get("replace")
        line = data.get("line")
        if kind != TEXT_FIX or not isinstance(line, int) or not isinstance(replace, list | tuple):
            raise ValueError("this is not a fix Lesson Lab knows")
        if len(replace) != 2 or not all(isinstance(x, str) for x in replace):
            raise ValueError("a text fix replaces one piece of text with another")
        return cls(TEXT_FIX, label, line=line, replace=(replace[0], replace[1]))


def _frozen(value: Any) -> Any:
    if isinstance(value, Mapping):
        return tuple(sorted((key, _frozen(item)) for key, item in value.items()))
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    return value


@dataclass(frozen=True)
class Finding:
    """One thing the checker found: which rule, where, what, and a fix if there is one.

    ``line`` is None for findings about the profile (``file`` is then ``""``)
    and for findings about the lesson as a whole (``file`` names it).
    ``weights``, when given, replaces the rule's weights for this finding.
    ``place`` says where ``line`` is as a teacher would ("Key words, paragraph 2").
    """

    rule: Rule
    message: str
    file: str = ""
    line: int | None = None
    fix: Fix | None = None
    weights: Mapping[str, int] | None = None
    # Where ``line`` is in a teacher's words ("Key words, paragraph 2"), filled
    # in by the checker; "" for the profile and the whole lesson.
    place: str = ""

    def __hash__(self) -> int:
        return hash((self.rule.id, self.message, self.file, self.line, self.fix))

    @property
    def location(self) -> str:
        """``"file:line"``, ``"file"`` for the whole lesson, or ``"profile"``."""
        if not self.file:
            return "profile"
        return self.file if self.line is None else f"{self.file}:{self.line}"

    @property
    def about_profile(self) -> bool:
        return not self.file

    def weight(self, need: str) -> int:
        """Points this finding takes off ``need`` before the rule's cap."""
        weights = self.rule.weights if self.weights is None else self.weights
        return weights.get(need, 0)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "rule": self.rule.id,
            "title": self.rule.title,
            "guidance": self.rule.guidance,
            "location": self.location,
            "file": self.file or None,
            "line": self.line,
            "place": self.place or None,
            "message": self.message,
            "why": self.rule.why,
            "weights": {need: self.weight(need) for need in NEEDS if self.weight(need)},
            "fix": self.fix.to_dict() if self.fix else None,
        }


@dataclass(frozen=True)
class Report:
    """What the checker found in one lesson shown with one profile, and the scores."""

    file: str
    profile_name: str
    findings: tuple[Finding, ...]
    scores: Mapping[str, int]  # need -> 0..100
    deductions: Mapping[str, Mapping[str, int]]  # need -> rule id -> points taken off
    readability: Readability | None = None

    def findings_for(self, need: str) -> tuple[Finding, ...]:
        """The findings that cost ``need`` any points."""
        return tuple(f for f in self.findings if f.weight(need))

    def fixes(self, kind: str | None = None) -> tuple[Fix, ...]:
        """Every fix on offer (of one kind, if given), in finding order."""
        return tuple(
            f.fix for f in self.findings if f.fix is not None and kind in (None, f.fix.kind)
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON (``lesson-lab lessons review --json``)."""
        return {
            "file": self.file,
            "profile": self.profile_name,
            "scores": dict(self.scores),
            "deductions": {need: dict(rules) for need, rules in self.deductions.items()},
            "readability": self.readability.to_dict() if self.readability else None,
            "findings": [f.to_dict() for f in self.findings],
        }
