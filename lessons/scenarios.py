"""Pupil scenarios for practice mode: a fictional pupil, a lesson and a task.

Each scenario is one YAML file in ``lessons/scenarios/`` (read in file-name
order, which is the order people see). A scenario describes a pupil
(strengths first), names a built-in lesson from ``lessons/library/`` and the
presets that suit the pupil, sets a task ("adapt this lesson so Maya can
follow it on the board"), says which checker scores should rise and how far,
and asks three or four reflection questions.

Fields (all required unless marked optional)::

    id: year4-low-vision-water-cycle   # lower-case letters, digits and dashes
    name: Maya                         # a first name only
    year_group: Year 4                 # "Reception" or "Year 1" … "Year 13"
    headline: low vision               # optional: a few words for lists and titles
    support: EHC plan                  # optional: EHC plan, SEN support, …
    needs: [vi]                        # tags from NEEDS
    summary: A few sentences about the pupil.
    strengths: [a list of sentences]
    what_helps: [a list of sentences]
    lesson: ks2-year4-geography-water-cycle.md   # a file in lessons/library
    presets: [Low vision — large print]          # built-in preset names
    task: What the teacher should do.
    success: {vi: 80}                  # checker scores (SCORED_NEEDS) to reach
    reflection_prompts: [3 to 6 questions]

Loading never raises: a broken file comes back as problems with the file,
the line and one plain sentence (``lessons.model.Problem``), and the other
files still load. YAML is read with the safe loader only.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from lessons.model import Problem
from lessons.presets import find_preset, preset_names
from lessons.yaml_words import plain_yaml_problem, yaml_problem_line

SCENARIOS_DIR = Path(__file__).with_name("scenarios")
LIBRARY_DIR = Path(__file__).with_name("library")
MAX_SCENARIO_BYTES = 256 * 1024

# Needs a scenario may name, with the words people see.
NEEDS = {
    "vi": "visual impairment",
    "hi": "hearing impairment",
    "msi": "multi-sensory impairment",
    "slcn": "speech, language and communication needs",
    "dyslexia": "dyslexia",
    "visual-stress": "visual stress",
    "autism": "autism",
    "adhd": "ADHD",
    "dcd": "developmental coordination disorder (dyspraxia)",
    "learning": "cognition and learning needs",
    "semh": "social, emotional and mental health needs",
    "eal": "English as an additional language",
    "cvd": "colour vision deficiency",
}
# The needs the clear-print checker gives a score for (0 to 100).
SCORED_NEEDS = ("vi", "dyslexia", "slcn")
SCORE_LABELS = {
    "vi": "Visual impairment",
    "dyslexia": "Dyslexia",
    "slcn": "Speech, language and communication needs",  # as the checker says
}
MIN_PROMPTS, MAX_PROMPTS = 3, 6

REQUIRED = (
    "id", "name", "year_group", "needs", "summary", "strengths", "what_helps",
    "lesson", "presets", "task", "success", "reflection_prompts",
)
OPTIONAL = ("headline", "support")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_FIRST_NAME = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_YEAR = re.compile(r"(?:y|yr|year)?\s*(\d{1,2})", re.IGNORECASE)


@dataclass(frozen=True)
class Scenario:
    """One pupil scenario, checked. ``presets`` hold the presets' exact names."""

    id: str
    name: str
    year_group: str
    needs: tuple[str, ...]
    summary: str
    strengths: tuple[str, ...]
    what_helps: tuple[str, ...]
    lesson: str
    presets: tuple[str, ...]
    task: str
    success: tuple[tuple[str, float], ...]  # (scored need, target score), in file order
    reflection_prompts: tuple[str, ...]
    support: str = ""
    headline: str = ""
    source: Path | None = None
    library: Path = LIBRARY_DIR

    @property
    def title(self) -> str:
        """A one-line label, such as "Maya, Year 4: low vision".

        Uses the headline, or the needs in words when there is none.
        """
        return f"{self.name}, {self.year_group}: {self.headline or join_words(self.need_labels)}"

    @property
    def need_labels(self) -> tuple[str, ...]:
        """The needs in words, in the order the file gives them."""
        return tuple(NEEDS[tag] for tag in self.needs)

    @property
    def lesson_path(self) -> Path:
        """The lesson file this scenario is about."""
        return self.library / self.lesson

    @property
    def targets(self) -> dict[str, float]:
        """The success criteria as a mapping: scored need to the score to reach."""
        return dict(self.success)

    def targets_met(self, scores: Mapping[str, float]) -> dict[str, bool]:
        """For each target, whether ``scores`` reach it (a missing score does not)."""
        return {need: scores.get(need, -1) >= target for need, target in self.success}


@dataclass(frozen=True)
class ScenarioSet:
    """The scenarios that loaded, and the problems found in the files."""

    scenarios: tuple[Scenario, ...]
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        """True when no file had an error (warnings allowed)."""
        return not any(p.severity == "error" for p in self.problems)

    def find(self, scenario_id: str) -> Scenario | None:
        """The scenario with this id (case ignored), or ``None``."""
        key = scenario_id.strip().lower()
        return next((s for s in self.scenarios if s.id == key), None)


def join_words(words: tuple[str, ...] | list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def load_scenarios(folder: Path | None = None, library: Path | None = None) -> ScenarioSet:
    """Every ``*.yaml`` scenario in ``folder`` (default: the built-in ones), in file-name order.

    ``library`` is the lesson folder scenarios' ``lesson`` fields point into
    (default: the built-in library). Never raises. Two files with the same id
    is an error in the second; it is left out.
    """
    if folder is None and library is None:
        return _builtin()
    return _load_folder(folder or SCENARIOS_DIR, library or LIBRARY_DIR)


@lru_cache(maxsize=1)
def _builtin() -> ScenarioSet:
    return _load_folder(SCENARIOS_DIR, LIBRARY_DIR)


def _load_folder(folder: Path, library: Path) -> ScenarioSet:
    scenarios: list[Scenario] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    paths = sorted(p for p in Path(folder).glob("*.y*ml") if not p.name.startswith("."))
    if not Path(folder).is_dir():
        problems.append(Problem(str(folder), 0, "This scenario folder does not exist."))
    for path in paths:
        scenario, found = load_scenario(path, library)
        problems.extend(found)
        if scenario is None:
            continue
        if scenario.id in seen:
            problems.append(Problem(
                str(path), 1,
                f"The id '{scenario.id}' is already used by {seen[scenario.id].name}; "
                "each scenario needs its own id.",
            ))
            continue
        seen[scenario.id] = path
        scenarios.append(scenario)
    return ScenarioSet(tuple(scenarios), tuple(problems))


def builtin_scenarios() -> tuple[Scenario, ...]:
    """The built-in scenarios, in the order people see them."""
    return load_scenarios().scenarios


def find_scenario(scenario_id: str) -> Scenario | None:
    """The built-in scenario with this id, or ``None``."""
    return load_scenarios().find(scenario_id)


def get_scenario(scenario_id: str) -> Scenario:
    """The built-in scenario with this id; ``KeyError`` with a plain message if none."""
    scenario = find_scenario(scenario_id)
    if scenario is None:
        raise KeyError(f'there is no pupil scenario called "{scenario_id}"')
    return scenario


def scenarios_for_lesson(lesson_file: str) -> list[Scenario]:
    """The built-in scenarios about the lesson with this file name."""
    name = Path(lesson_file).name
    return [s for s in builtin_scenarios() if s.lesson == name]


def load_scenario(
    path: str | Path, library: Path | None = None
) -> tuple[Scenario | None, tuple[Problem, ...]]:
    """Load one scenario file. Never raises; the scenario is None after an error."""
    path = Path(path)
    file = str(path)
    try:
        if path.stat().st_size > MAX_SCENARIO_BYTES:
            return None, (Problem(file, 1, "This file is far too big to be a pupil scenario."),)
        raw = path.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        return None, (Problem(file, 1, f"This scenario file could not be read ({reason})."),)
    if b"\x00" in raw:
        return None, (Problem(file, 1, "This file holds binary data, so it cannot be a scenario."),)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, (Problem(file, line, "This file is not saved as UTF-8 text; save it "
                                          "again as UTF-8."),)
    return parse_scenario_text(text, file, library)


def parse_scenario_text(
    text: str, file: str = "<scenario>", library: Path | None = None
) -> tuple[Scenario | None, tuple[Problem, ...]]:
    """Check scenario YAML text; ``file`` names it in problems. Never raises."""
    reader = _Reader(text, file, library or LIBRARY_DIR)
    try:
        scenario = reader.read()
    except Exception as error:  # noqa: BLE001 - a last resort: report, never crash
        reader.problem(1, f"Lesson Lab could not read this scenario ({type(error).__name__}: "
                          f"{error}).")
        scenario = None
    if any(p.severity == "error" for p in reader.problems):
        scenario = None
    return scenario, tuple(reader.problems)


class _Reader:
    def __init__(self, text: str, file: str, library: Path) -> None:
        self.text = text
        self.file = file
        self.library = library
        self.problems: list[Problem] = []
        self.lines: dict[str, tuple[int, yaml.Node]] = {}

    def problem(self, line: int, message: str, severity: str = "error") -> None:
        self.problems.append(Problem(self.file, line, message, severity))

    def line(self, key: str) -> int:
        return self.lines[key][0] if key in self.lines else 1

    def item_line(self, key: str, index: int) -> int:
        node = self.lines.get(key, (1, None))[1]
        if isinstance(node, yaml.SequenceNode) and index < len(node.value):
            return node.value[index].start_mark.line + 1
        if isinstance(node, yaml.MappingNode) and index < len(node.value):
            return node.value[index][0].start_mark.line + 1
        return self.line(key)

    def read(self) -> Scenario | None:
        try:
            root = yaml.compose(self.text, Loader=yaml.SafeLoader)
            data = yaml.safe_load(self.text)
        except yaml.YAMLError as error:
            self.problem(yaml_problem_line(error) + 1,
                         f"This scenario could not be read: {plain_yaml_problem(error)}.")
            return None
        except RecursionError:
            self.problem(1, "This file is nested too deeply to read.")
            return None
        if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
            self.problem(1, "A scenario should be lines of 'name: value', such as 'name: Maya'.")
            return None
        for key, value in root.value:
            self.lines.setdefault(str(key.value), (key.start_mark.line + 1, value))
        values = {str(k): v for k, v in data.items()}
        for key in values:
            if key not in REQUIRED and key not in OPTIONAL:
                close = difflib.get_close_matches(key, REQUIRED + OPTIONAL, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else "."
                self.problem(self.line(key), f"Lesson Lab does not use the field '{key}'{hint}",
                             "warning")
        missing = [key for key in REQUIRED if values.get(key) in (None, "", [], {})]
        for key in missing:
            where = self.line(key)
            self.problem(where, f"This scenario has no '{key}'." if key not in values
                         else f"The '{key}' is empty.")
        if missing:
            return None
        fields = {
            "id": self.scenario_id(values["id"]),
            "name": self.first_name(values["name"]),
            "year_group": self.year_group(values["year_group"]),
            "support": self.text_field(values, "support"),
            "headline": self.text_field(values, "headline"),
            "needs": self.needs(values["needs"]),
            "summary": self.text_field(values, "summary"),
            "strengths": self.sentences(values, "strengths"),
            "what_helps": self.sentences(values, "what_helps"),
            "lesson": self.lesson(values["lesson"]),
            "presets": self.presets(values["presets"]),
            "task": self.text_field(values, "task"),
            "success": self.success(values["success"]),
            "reflection_prompts": self.prompts(values["reflection_prompts"]),
        }
        if any(p.severity == "error" for p in self.problems):
            return None
        return Scenario(**fields, source=Path(self.file), library=self.library)

    # -- the fields -------------------------------------------------------
    def text_field(self, values: dict[str, Any], key: str) -> str:
        value = values.get(key)
        if value is None:
            return ""
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return " ".join(str(value).split())
        self.problem(self.line(key), f"The '{key}' should be text, not a list or a mapping.")
        return ""

    def scenario_id(self, value: Any) -> str:
        text = str(value).strip() if isinstance(value, (str, int)) else ""
        if not _ID.fullmatch(text) or len(text) > 60:
            self.problem(self.line("id"), "The id should be lower-case letters, digits and "
                                          "dashes, such as 'year4-low-vision'.")
        return text

    def first_name(self, value: Any) -> str:
        text = " ".join(str(value).split()) if isinstance(value, str) else ""
        if not _FIRST_NAME.fullmatch(text):
            self.problem(self.line("name"), "The name should be one made-up first name, such "
                                            "as 'Maya' (no surname, no real pupils).")
        return text

    def year_group(self, value: Any) -> str:
        text = " ".join(str(value).split()) if isinstance(value, (str, int)) else ""
        if text.lower() == "reception":
            return "Reception"
        match = _YEAR.fullmatch(text)
        if match and 1 <= int(match.group(1)) <= 13:
            return f"Year {int(match.group(1))}"
        self.problem(self.line("year_group"), "The year group should be 'Reception' or "
                                              "'Year 1' to 'Year 13'.")
        return text

    def needs(self, value: Any) -> tuple[str, ...]:
        items = value if isinstance(value, list) else [value]
        tags: list[str] = []
        for index, item in enumerate(items):
            tag = str(item).strip().lower() if isinstance(item, str) else ""
            line = self.item_line("needs", index) if isinstance(value, list) else self.line("needs")
            if tag not in NEEDS:
                close = difflib.get_close_matches(tag, NEEDS, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else (
                    f"; use one of {', '.join(NEEDS)}.")
                self.problem(line, f"'{item}' is not a need Lesson Lab knows{hint}")
            elif tag in tags:
                self.problem(line, f"The need '{tag}' is listed twice.", "warning")
            else:
                tags.append(tag)
        return tuple(tags)

    def sentences(self, values: dict[str, Any], key: str) -> tuple[str, ...]:
        value = values[key]
        if isinstance(value, str):
            return (" ".join(value.split()),)
        if not isinstance(value, list):
            self.problem(self.line(key), f"The '{key}' should be a list, one item per line "
                                         "starting '- '.")
            return ()
        out: list[str] = []
        for index, item in enumerate(value):
            if isinstance(item, (str, int, float)) and not isinstance(item, bool) and str(item):
                out.append(" ".join(str(item).split()))
            else:
                hint = " (put an item with a colon in it in quotes)" if isinstance(item, dict) \
                    else ""
                self.problem(self.item_line(key, index),
                             f"Each item in '{key}' should be a sentence of text{hint}.")
        return tuple(out)

    def lesson(self, value: Any) -> str:
        name = str(value).strip() if isinstance(value, str) else ""
        if not name or Path(name).name != name or not name.endswith(".md"):
            self.problem(self.line("lesson"), "The lesson should be the file name of a lesson "
                                              "in the library, such as "
                                              "'ks2-year4-geography-water-cycle.md'.")
            return name
        if not (self.library / name).is_file():
            known = sorted(p.name for p in self.library.glob("*.md"))
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
            hint = f"; did you mean '{close[0]}'?" if close else "."
            self.problem(self.line("lesson"), f"There is no lesson called '{name}' in the "
                                              f"library{hint}")
        return name

    def presets(self, value: Any) -> tuple[str, ...]:
        items = value if isinstance(value, list) else [value]
        names: list[str] = []
        for index, item in enumerate(items):
            line = self.item_line("presets", index) if isinstance(value, list) \
                else self.line("presets")
            preset = find_preset(item) if isinstance(item, str) else None
            if preset is None:
                close = difflib.get_close_matches(str(item), preset_names(), n=1, cutoff=0.4)
                hint = f"; did you mean '{close[0]}'?" if close else "."
                self.problem(line, f"There is no built-in preset called '{item}'{hint}")
            elif preset.name not in names:
                names.append(preset.name)
        return tuple(names)

    def success(self, value: Any) -> tuple[tuple[str, float], ...]:
        if not isinstance(value, dict):
            self.problem(self.line("success"), "The success criteria should be lines of "
                                               "'need: score', such as 'vi: 80'.")
            return ()
        targets: list[tuple[str, float]] = []
        for index, (need, score) in enumerate(value.items()):
            line = self.item_line("success", index)
            key = str(need).strip().lower()
            if key not in SCORED_NEEDS:
                choices = f"{', '.join(SCORED_NEEDS[:-1])} or {SCORED_NEEDS[-1]}"
                self.problem(line, f"The checker gives no score for '{need}'; success "
                                   f"criteria can use {choices}.")
            elif isinstance(score, bool) or not isinstance(score, (int, float)) \
                    or not 0 <= score <= 100:
                self.problem(line, f"The target for '{key}' should be a score from 0 to 100.")
            else:
                targets.append((key, float(score)))
        return tuple(targets)

    def prompts(self, value: Any) -> tuple[str, ...]:
        prompts = self.sentences({"reflection_prompts": value}, "reflection_prompts")
        if prompts and not MIN_PROMPTS <= len(prompts) <= MAX_PROMPTS:
            self.problem(self.line("reflection_prompts"),
                         f"Give between {MIN_PROMPTS} and {MAX_PROMPTS} reflection prompts "
                         f"(this file has {len(prompts)}).")
        return prompts
